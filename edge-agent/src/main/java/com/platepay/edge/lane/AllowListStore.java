package com.platepay.edge.lane;

import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.parking.AllowList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The newest allow-list the server signed for this lane, kept on disk so a box that restarts while offline still
 * has it. An older version never replaces a newer one (a retained message may be an old one after a broker failover).
 */
public final class AllowListStore {

    private final Path file;
    private volatile AllowList current;

    public AllowListStore(Path file) throws IOException {
        this.file = file;
        this.current = Files.exists(file) ? ProtocolCodec.mapper().readValue(Files.readAllBytes(file), AllowList.class) : null;
    }

    /** Keeps the list when it is newer than the one held; true when it did. */
    public synchronized boolean offer(AllowList list) throws IOException {
        if (current != null && list.version() <= current.version()) {
            return false;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, ProtocolCodec.mapper().writeValueAsBytes(list));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        current = list;
        return true;
    }

    /** The version that lets this plate through, if it is on the list. */
    public Optional<Long> allows(String plate, String colour) {
        AllowList list = current;
        if (list == null) {
            return Optional.empty();
        }
        return list.plates().stream().anyMatch(e -> e.plate().equals(plate) && (colour == null || e.plateColour().equals(colour)))
                ? Optional.of(list.version()) : Optional.empty();
    }

    public long version() {
        AllowList list = current;
        return list == null ? -1 : list.version();
    }
}
