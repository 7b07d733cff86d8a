package com.platepay.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ResultStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;

/**
 * Regenerates the charge examples (charge.json, charge-result-*.json) with fresh THROWAWAY keys: only their public keys
 * are written, as keys.json's {@code device} and {@code server} (the other examples' keys there are kept); the private
 * keys are forgotten when this ends. Run: java -cp target/test-classes:target/classes:$(deps) \
 * com.platepay.protocol.ExamplesGenerator ../contracts/examples
 */
public final class ExamplesGenerator {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../contracts/examples");
        KeyPair device = DeviceKeys.generate();
        KeyPair server = DeviceKeys.generate();
        String chargeId = "01a207a2-2e98-7c4d-9b1e-5f0a3c2d4e6b";

        ChargeRequest req = new ChargeRequest(chargeId, "黑E12345", "BLUE", 12850, "CNY", 30595L, "M3", 420L, "3",
                Instant.parse("2026-11-23T08:59:58.500Z"), "att-07");
        Envelope charge = new Envelope(Envelope.VERSION, "01a207a2-2e98-7f21-8a3b-9c4d5e6f7a8b", MessageTypes.CHARGE,
                "hh-001", "dq-cng-01", 1795424399000L, Instant.parse("2026-11-23T08:59:59.000Z"), ProtocolCodec.tree(req), null);
        write(dir.resolve("charge.json"), new EnvelopeSigner(device.getPrivate()).sign(charge));

        ChargeResult ok = new ChargeResult(chargeId, ResultStatus.APPROVED, "APPROVED", "A80412", "6222 **** **** 1234",
                12850L, "CNY", "Paid 128.50 CNY");
        Envelope approved = new Envelope(Envelope.VERSION, "01a207a2-32e4-7a10-b2c3-d4e5f6a7b8c9", MessageTypes.CHARGE_RESULT,
                "hh-001", "dq-cng-01", 52, Instant.parse("2026-11-23T09:00:00.100Z"), ProtocolCodec.tree(ok), null);
        write(dir.resolve("charge-result-approved.json"), new EnvelopeSigner(server.getPrivate()).sign(approved));

        ChargeResult no = new ChargeResult(chargeId, ResultStatus.DECLINED, "NOT_ENROLLED", null, null, 12850L, "CNY",
                "This plate is not enrolled for plate payment. Take another payment.");
        Envelope declined = new Envelope(Envelope.VERSION, "01a207a2-3604-7d55-9e66-f7a8b9c0d1e2", MessageTypes.CHARGE_RESULT,
                "hh-001", "dq-cng-01", 53, Instant.parse("2026-11-23T09:00:00.900Z"), ProtocolCodec.tree(no), null);
        write(dir.resolve("charge-result-declined.json"), new EnvelopeSigner(server.getPrivate()).sign(declined));

        ObjectNode keys = (ObjectNode) ProtocolCodec.mapper().readTree(dir.resolve("keys.json").toFile());
        keys.putObject("device").put("deviceId", "hh-001").put("siteId", "dq-cng-01")
                .put("publicKey", DeviceKeys.encodePublic(device.getPublic()));
        keys.putObject("server").put("publicKey", DeviceKeys.encodePublic(server.getPublic()));
        Files.write(dir.resolve("keys.json"), (ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(keys) + "\n").getBytes());
    }

    private static void write(Path file, Envelope e) throws Exception {
        Files.write(file, (ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
