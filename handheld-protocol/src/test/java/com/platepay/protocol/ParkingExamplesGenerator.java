package com.platepay.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.parking.AllowList;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

/**
 * Writes the parking examples (plate-read.json, command-open-barrier.json, allow-list.json) with fresh THROWAWAY
 * keys, and their public keys into keys.json as "lane" and "laneServer"; the private keys are forgotten.
 * Run like {@link ExamplesGenerator}.
 */
public final class ParkingExamplesGenerator {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../contracts/examples");
        KeyPair lane = DeviceKeys.generate();
        KeyPair server = DeviceKeys.generate();
        String site = "dq-park-01";
        String device = "lane-exit-1";

        PlateRead read = new PlateRead("exit-1", PlateRead.Direction.EXIT, "黑E12345", "BLUE", 962,
                List.of(new PlateRead.Candidate("黑E1234S", 311), new PlateRead.Candidate("黑E12845", 120)),
                Instant.parse("2026-11-23T10:42:07.250Z"), "3f1c2a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615e4d3", null, null);
        write(dir.resolve("plate-read.json"), new EnvelopeSigner(lane.getPrivate()).sign(new Envelope(Envelope.VERSION,
                "01a208f1-6c10-7a3e-9b2d-4c5e6f708192", MessageTypes.PLATE_READ, device, site, 1795430527250L,
                Instant.parse("2026-11-23T10:42:07.300Z"), ProtocolCodec.tree(read), null)));

        LaneCommand open = new LaneCommand("01a208f1-6d2a-7b4f-8c3e-5d6f708192a3", LaneCommand.Action.OPEN_BARRIER,
                Instant.parse("2026-11-23T10:42:37.410Z"), "Paid 5.00 CNY. Goodbye", 1795430527250L, "PAID",
                "0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f", 500L, "CNY");
        write(dir.resolve("command-open-barrier.json"), new EnvelopeSigner(server.getPrivate()).sign(new Envelope(Envelope.VERSION,
                "01a208f1-6d2a-7c10-9d4e-6e7f8091a2b3", MessageTypes.COMMAND, device, site, 1795430527410001L,
                Instant.parse("2026-11-23T10:42:07.410Z"), ProtocolCodec.tree(open), null)));

        AllowList list = new AllowList(1795430400000L, List.of(new AllowList.Entry("黑E6M803", "BLUE", "PASS"),
                new AllowList.Entry("黑E12345", "BLUE", "MANDATE"), new AllowList.Entry("黑ED12345", "GREEN", "MANDATE")));
        write(dir.resolve("allow-list.json"), new EnvelopeSigner(server.getPrivate()).sign(new Envelope(Envelope.VERSION,
                "01a208f0-b400-7d21-8e5f-7f8091a2b3c4", MessageTypes.ALLOW_LIST, device, site, 1795430400000001L,
                Instant.parse("2026-11-23T10:40:00.000Z"), ProtocolCodec.tree(list), null)));

        Path keysFile = dir.resolve("keys.json");
        ObjectNode keys = (ObjectNode) ProtocolCodec.mapper().readTree(Files.readAllBytes(keysFile));
        keys.put("description", "Public keys of THROWAWAY key pairs made only to sign these examples; the private keys were discarded. "
                + "Verify charge.json with device.publicKey and the results with server.publicKey; plate-read.json with "
                + "lane.publicKey, command-open-barrier.json and allow-list.json with laneServer.publicKey.");
        keys.putObject("lane").put("deviceId", device).put("siteId", site).put("publicKey", DeviceKeys.encodePublic(lane.getPublic()));
        keys.putObject("laneServer").put("publicKey", DeviceKeys.encodePublic(server.getPublic()));
        Files.write(keysFile, (ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(keys) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, Envelope e) throws Exception {
        Files.write(file, (ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
