package com.platepay.protocol.sim;

import com.platepay.protocol.Ids;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.charge.ChargeRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Every charge this simulated handheld sent, one JSON file per chargeId. A device keeps the whole request until it
 * has the result, so a resend (same chargeId) carries the identical body; a different body would be
 * IDEMPOTENCY_CONFLICT. The simulator also keeps answered ones, so an attendant (or a demo) can resend any charge.
 */
final class SentCharges {
    private final Path dir;

    SentCharges(Path dir) {
        this.dir = dir;
    }

    Optional<ChargeRequest> load(String chargeId) {
        if (dir == null || !Ids.isValidMessageId(chargeId)) {
            return Optional.empty();
        }
        Path f = file(chargeId);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProtocolCodec.mapper().readValue(Files.readAllBytes(f), ChargeRequest.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void save(ChargeRequest request) throws IOException {
        if (dir == null) {
            return;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "sent", ".tmp");
        Files.write(tmp, ProtocolCodec.mapper().writeValueAsBytes(request));
        Files.move(tmp, file(request.chargeId()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Every charge kept, in no particular order (unreadable files are skipped). */
    java.util.List<ChargeRequest> all() throws IOException {
        java.util.List<ChargeRequest> all = new java.util.ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return all;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    all.add(ProtocolCodec.mapper().readValue(Files.readAllBytes(f), ChargeRequest.class));
                } catch (IOException damaged) {
                    // a file torn mid-write is one the device never sent from
                }
            }
        }
        return all;
    }

    private Path file(String chargeId) {
        return dir.resolve(chargeId.toLowerCase(java.util.Locale.ROOT) + ".json");
    }
}
