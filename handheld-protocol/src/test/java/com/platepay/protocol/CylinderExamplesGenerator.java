package com.platepay.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.cylinder.CylinderCheckRequest;
import com.platepay.protocol.cylinder.CylinderCheckResult;
import com.platepay.protocol.cylinder.FillCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes the CNG station examples (cylinder-check.json, cylinder-check-result-fill.json,
 * cylinder-check-result-overdue.json) with fresh THROWAWAY keys, and their public keys into keys.json as
 * "cylinderHandheld" and "cylinderServer"; the private keys are forgotten. Run like {@link ExamplesGenerator}.
 */
public final class CylinderExamplesGenerator {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../contracts/examples");
        KeyPair handheld = DeviceKeys.generate();
        KeyPair server = DeviceKeys.generate();
        String site = "dq-cng-01";
        String device = "hh-002";
        String requestId = "01a20b10-4c21-7d3e-8f40-51a2b3c4d5e6";

        CylinderCheckRequest check = new CylinderCheckRequest(requestId, "CY-8F3A-22D1", "黑E12345", "BLUE", "CNG", "3", "att-07");
        write(dir.resolve("cylinder-check.json"), new EnvelopeSigner(handheld.getPrivate()).sign(new Envelope(Envelope.VERSION,
                "01a20b10-4c21-7f00-9a11-62b3c4d5e6f7", MessageTypes.CYLINDER_CHECK, device, site, 1795431000000L,
                Instant.parse("2026-11-23T10:50:00.000Z"), ProtocolCodec.tree(check), null)));

        CylinderCheckResult fill = new CylinderCheckResult(requestId, CylinderCheckResult.CHECKED, FillCodes.FILL_ALLOWED,
                "6b1f0c2e-8d4a-4f3b-9e21-0a7c5d3e2f14", CylinderCheckResult.ALLOWED, FillCodes.FILL_ALLOWED, CylinderCheckResult.ALLOWED,
                "APPROVED", 50000L, "CNY", 6633L, "黑E12345", "CY-8F3A-22D1", LocalDate.parse("2027-09-30"), "Fill; pays frictionlessly; 66.33 CNY held");
        write(dir.resolve("cylinder-check-result-fill.json"), new EnvelopeSigner(server.getPrivate()).sign(new Envelope(Envelope.VERSION,
                "01a20b10-4c9e-7a22-8b33-73c4d5e6f708", MessageTypes.CYLINDER_CHECK_RESULT, device, site, 1795431000120001L,
                Instant.parse("2026-11-23T10:50:00.120Z"), ProtocolCodec.tree(fill), null)));

        CylinderCheckResult overdue = new CylinderCheckResult("01a20b12-0a10-7b4c-9d5e-6f708192a3b4", CylinderCheckResult.CHECKED,
                FillCodes.INSPECTION_OVERDUE, "9c2d1e0f-3b4a-4c5d-8e6f-7a8b9c0d1e2f", CylinderCheckResult.REFUSED,
                FillCodes.INSPECTION_OVERDUE, CylinderCheckResult.ALLOWED, "APPROVED", 50000L, "CNY", null, "黑E54321", "CY-11B0-9E07",
                LocalDate.parse("2026-10-31"), "Do not fill: cylinder inspection overdue");
        write(dir.resolve("cylinder-check-result-overdue.json"), new EnvelopeSigner(server.getPrivate()).sign(new Envelope(Envelope.VERSION,
                "01a20b12-0a9e-7c33-8d44-8192a3b4c5d6", MessageTypes.CYLINDER_CHECK_RESULT, device, site, 1795431100120001L,
                Instant.parse("2026-11-23T10:51:40.120Z"), ProtocolCodec.tree(overdue), null)));

        Path keysFile = dir.resolve("keys.json");
        ObjectNode keys = (ObjectNode) ProtocolCodec.mapper().readTree(Files.readAllBytes(keysFile));
        keys.put("description", "Public keys of THROWAWAY key pairs made only to sign these examples; the private keys were discarded. "
                + "Verify charge.json with device.publicKey and the results with server.publicKey; plate-read.json with "
                + "lane.publicKey, command-open-barrier.json and allow-list.json with laneServer.publicKey; cylinder-check.json "
                + "with cylinderHandheld.publicKey and cylinder-check-result-*.json with cylinderServer.publicKey.");
        keys.putObject("cylinderHandheld").put("deviceId", device).put("siteId", site)
                .put("publicKey", DeviceKeys.encodePublic(handheld.getPublic()));
        keys.putObject("cylinderServer").put("publicKey", DeviceKeys.encodePublic(server.getPublic()));
        Files.write(keysFile, (ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(keys) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, Envelope e) throws Exception {
        Files.write(file, (ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
