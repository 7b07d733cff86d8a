package com.platepay.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.offline.HandheldAllowList;
import com.platepay.protocol.offline.Voucher;
import com.platepay.protocol.offline.VoucherResult;
import com.platepay.protocol.offline.Vouchers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes the offline handheld examples (handheld-allow-list.json, voucher.json, voucher-result-paid.json,
 * voucher-result-arrears.json) with fresh THROWAWAY keys, and their public keys into keys.json as "offlineHandheld"
 * and "offlineServer"; the private keys are forgotten. Run like {@link ExamplesGenerator}.
 */
public final class OfflineExamplesGenerator {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../contracts/examples");
        KeyPair handheld = DeviceKeys.generate();
        KeyPair server = DeviceKeys.generate();
        String site = "dq-cng-01";
        String device = "hh-003";

        HandheldAllowList list = new HandheldAllowList(7, Instant.parse("2026-11-23T06:00:00.000Z"), Instant.parse("2026-11-24T06:00:00.000Z"),
                "CNY", List.of(new HandheldAllowList.Vehicle("黑E12345", "BLUE", 30000,
                        List.of(new HandheldAllowList.Cylinder("CY-8F3A-22D1", "CNG", LocalDate.parse("2027-09-30"))))));
        write(dir.resolve("handheld-allow-list.json"), new EnvelopeSigner(server.getPrivate()).sign(new Envelope(Envelope.VERSION,
                "01a20a40-0c00-7a10-8b20-3c4d5e6f7081", MessageTypes.HANDHELD_ALLOW_LIST, device, site, 1795413600000001L,
                Instant.parse("2026-11-23T06:00:00.010Z"), ProtocolCodec.tree(list), null)));

        Voucher voucher = Vouchers.sign(new Voucher(device, site, 42, "黑E12345", "BLUE", "CY-8F3A-22D1", 12850, "CNY", "3", "att-07",
                Instant.parse("2026-11-23T11:20:31.250Z"), 7, null), handheld.getPrivate());
        write(dir.resolve("voucher.json"), new EnvelopeSigner(handheld.getPrivate()).sign(new Envelope(Envelope.VERSION,
                "01a20c55-7d10-7e21-9f32-0a1b2c3d4e5f", MessageTypes.VOUCHER, device, site, 1795440000000L,
                Instant.parse("2026-11-23T13:20:00.000Z"), ProtocolCodec.tree(voucher), null)));

        VoucherResult paid = new VoucherResult(42L, VoucherResult.PAID, "APPROVED", "5f1e2d3c-4b5a-4697-8877-66554433aa11", 12850L, "CNY", "paid");
        write(dir.resolve("voucher-result-paid.json"), new EnvelopeSigner(server.getPrivate()).sign(new Envelope(Envelope.VERSION,
                "01a20c55-7e90-7b44-8c55-1b2c3d4e5f60", MessageTypes.VOUCHER_RESULT, device, site, 1795440000200001L,
                Instant.parse("2026-11-23T13:20:00.200Z"), ProtocolCodec.tree(paid), null)));
        VoucherResult arrears = new VoucherResult(43L, VoucherResult.ARREARS, "INSUFFICIENT_FUNDS", "6a2f3e4d-5c6b-4a78-9988-77665544bb22",
                9000L, "CNY", "the debit failed (INSUFFICIENT_FUNDS): the driver owes it as arrears");
        write(dir.resolve("voucher-result-arrears.json"), new EnvelopeSigner(server.getPrivate()).sign(new Envelope(Envelope.VERSION,
                "01a20c55-8010-7c66-8d77-2c3d4e5f6071", MessageTypes.VOUCHER_RESULT, device, site, 1795440000400001L,
                Instant.parse("2026-11-23T13:20:00.400Z"), ProtocolCodec.tree(arrears), null)));

        Path keysFile = dir.resolve("keys.json");
        ObjectNode keys = (ObjectNode) ProtocolCodec.mapper().readTree(Files.readAllBytes(keysFile));
        keys.put("description", keys.get("description").asText().replace("; voucher.json with offlineHandheld.publicKey (the envelope "
                + "and the voucher's own sig) and handheld-allow-list.json and voucher-result-*.json with offlineServer.publicKey.", "")
                .replaceAll("\\.$", "") + "; voucher.json with offlineHandheld.publicKey (the envelope and the voucher's own sig) and "
                + "handheld-allow-list.json and voucher-result-*.json with offlineServer.publicKey.");
        keys.putObject("offlineHandheld").put("deviceId", device).put("siteId", site)
                .put("publicKey", DeviceKeys.encodePublic(handheld.getPublic()));
        keys.putObject("offlineServer").put("publicKey", DeviceKeys.encodePublic(server.getPublic()));
        Files.write(keysFile, (ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(keys) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, Envelope e) throws Exception {
        Files.write(file, (ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
