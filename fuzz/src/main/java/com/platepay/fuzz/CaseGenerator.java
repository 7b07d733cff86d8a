package com.platepay.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the fuzz cases, deterministically by seed: the same seed gives the same sequence of mutations (ids carry
 * the run's start time and sentAt the current time, so a rerun is never a replay of the last one).
 *
 * <p>Families and their shares: valid charges, one field mutated (re-signed with the device key, or not),
 * raw byte damage, bad signatures, replays and resends, wrong topics and devices.
 */
public final class CaseGenerator {
    /** The families, in a stable order, with their weights out of 1000. */
    public enum Family {
        VALID(150), FIELD(420), RAW(100), SIGNATURE(100), REPLAY(200), TOPIC(30);

        final int weight;

        Family(int weight) {
            this.weight = weight;
        }
    }

    static final List<String> ENVELOPE_FIELDS = List.of("v", "id", "type", "deviceId", "siteId", "seq", "sentAt", "body");
    static final List<String> BODY_FIELDS = List.of("chargeId", "plate", "plateColour", "amount", "currency", "volumeMilli",
            "volumeUnit", "unitPrice", "pump", "capturedAt", "attendant");

    private final DeviceUnderTest device;
    private final Random random;
    private final IdSource ids;
    private final Clock clock;
    private final PrivateKey strangerKey;
    private final List<FuzzCase> history = new ArrayList<>();
    private final List<ObjectNode> historyEnvelopes = new ArrayList<>();
    private long seq;
    private int index;

    public CaseGenerator(DeviceUnderTest device, long seed, Clock clock) {
        this.device = device;
        this.random = new Random(seed);
        this.clock = clock;
        this.ids = new IdSource(random, clock.millis());
        this.seq = clock.millis();
        this.strangerKey = DeviceKeys.generate().getPrivate();
    }

    /** The next case of any family, by weight. */
    public FuzzCase next() {
        int roll = random.nextInt(1000);
        for (Family f : Family.values()) {
            if (roll < f.weight) {
                return next(f);
            }
            roll -= f.weight;
        }
        throw new IllegalStateException();
    }

    /** The next case of one family. */
    public FuzzCase next(Family family) {
        return switch (family) {
            case VALID -> remember(valid());
            case FIELD -> fieldMutation(random.nextInt(10) != 0);
            case RAW -> raw();
            case SIGNATURE -> signature();
            case REPLAY -> replay();
            case TOPIC -> topic();
        };
    }

    /** A case with one field mutated and then correctly signed: what the schema-agreement test sends. */
    public FuzzCase nextSignedCharge() {
        int roll = random.nextInt(10);
        return roll == 0 ? remember(valid()) : roll == 1 ? rawButSigned() : fieldMutation(true);
    }

    /**
     * Every field of the envelope and the body (and an unknown one) with every mutation there is for it, one at a
     * time and correctly signed, plus the byte-level rewrites that keep the value: the schema-agreement sweep.
     */
    public List<FuzzCase> everyFieldMutation() {
        List<FuzzCase> out = new ArrayList<>();
        for (boolean inBody : new boolean[] {false, true}) {
            List<String> fields = new ArrayList<>(inBody ? BODY_FIELDS : ENVELOPE_FIELDS);
            fields.add("unknownField");
            for (String field : fields) {
                for (ValueMutations.ValueMutation m : ValueMutations.all(field)) {
                    ObjectNode e = validEnvelope(true);
                    ValueMutations.apply(inBody ? (ObjectNode) e.get("body") : e, field, m);
                    out.add(build("field", (inBody ? "body." : "") + field + "=" + m.label(), Payloads.sign(e, device.signingKey())));
                }
            }
        }
        for (int kind = 16; kind < 20; kind++) {
            out.add(rawButSignedFrom(new String(Payloads.bytes(Payloads.sign(validEnvelope(), device.signingKey())),
                    StandardCharsets.UTF_8), kind));
        }
        return out;
    }

    // --- valid charges

    ObjectNode validEnvelope() {
        return validEnvelope(false);
    }

    /** A valid charge; {@code complete}: with every optional field, so that a mutation always has a value to change. */
    ObjectNode validEnvelope(boolean complete) {
        ObjectNode body = Payloads.WRITER.createObjectNode();
        body.put("chargeId", random.nextInt(5) == 0 ? ids.ulid() : ids.uuidV7());
        body.put("plate", device.enrolledPlate());
        if (complete || random.nextBoolean()) {
            body.put("plateColour", "BLUE");
        }
        body.put("amount", 1 + random.nextInt(3));
        body.put("currency", "CNY");
        if (complete || random.nextInt(3) > 0) {
            body.put("volumeMilli", random.nextInt(100_000));
            body.put("volumeUnit", random.nextBoolean() ? "M3" : "L");
            body.put("unitPrice", 420);
        }
        if (complete || random.nextBoolean()) {
            body.put("pump", String.valueOf(1 + random.nextInt(12)));
        }
        body.put("capturedAt", ProtocolCodec.formatInstant(now().minusMillis(random.nextInt(60_000))));
        if (complete || random.nextBoolean()) {
            body.put("attendant", "att-" + random.nextInt(100));
        }
        return envelopeAround(body);
    }

    private ObjectNode envelopeAround(ObjectNode body) {
        ObjectNode e = Payloads.WRITER.createObjectNode();
        e.put("v", 1);
        e.put("id", ids.uuidV7());
        e.put("type", "charge");
        e.put("deviceId", device.deviceId());
        e.put("siteId", device.siteId());
        e.put("seq", ++seq);
        e.put("sentAt", ProtocolCodec.formatInstant(now()));
        e.set("body", body);
        return e;
    }

    private FuzzCase valid() {
        return build("valid", "valid", Payloads.sign(validEnvelope(), device.signingKey()));
    }

    // --- one field at a time

    private FuzzCase fieldMutation(boolean resign) {
        ObjectNode e = validEnvelope(true);
        boolean inBody = random.nextInt(3) > 0;
        ObjectNode parent = inBody ? (ObjectNode) e.get("body") : e;
        List<String> fields = inBody ? BODY_FIELDS : ENVELOPE_FIELDS;
        String field = random.nextInt(20) == 0 ? "unknownField" : fields.get(random.nextInt(fields.size()));
        ValueMutations.ValueMutation m = ValueMutations.pick(field, random);
        ValueMutations.apply(parent, field, m);
        String label = (inBody ? "body." : "") + field + "=" + m.label() + (resign ? "" : " (not re-signed)");
        if (resign) {
            Payloads.sign(e, device.signingKey());
        } else {
            e.put("sig", Payloads.signature("unsigned".getBytes(StandardCharsets.UTF_8), device.signingKey()));
        }
        return build("field", label, e);
    }

    // --- damaged bytes

    private FuzzCase raw() {
        ObjectNode e = Payloads.sign(validEnvelope(), device.signingKey());
        String json = new String(Payloads.bytes(e), StandardCharsets.UTF_8);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int kind = random.nextInt(20);
        return switch (kind) {
            case 0 -> raw("truncated", java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)));
            case 1 -> {
                byte[] junk = new byte[1 + random.nextInt(200)];
                random.nextBytes(junk);
                yield raw("random-bytes", junk);
            }
            case 2 -> raw("invalid-utf8-in-plate", spliceIntoPlate(json, new byte[][] {{(byte) 0xC3, 0x28}, {(byte) 0xFF},
                    {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE9, (byte) 0xBB}}[random.nextInt(5)]));
            case 3 -> raw("not-an-object", utf8(new String[] {"[]", "1", "\"charge\"", "null", "true", "", " ", "[" + json + "]"}[random.nextInt(8)]));
            case 4 -> raw("utf8-bom-before-json", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes));
            case 5 -> raw("trailing-data", utf8(json + new String[] {"}", " x", json, "\u0000", ","}[random.nextInt(5)]));
            case 6 -> raw("duplicate-body-key", utf8(json.replaceFirst("\"body\":\\{", "\"body\":{\"amount\":999999,")));
            case 7 -> raw("duplicate-body-key-last", utf8(json.replaceFirst("\"currency\":", "\"amount\":999999,\"currency\":")));
            case 8 -> raw("duplicate-envelope-key", utf8(json.replaceFirst("\"type\":\"charge\"", "\"type\":\"charge\",\"type\":\"status\"")));
            case 9 -> raw("deep-nesting", utf8(json.replaceFirst("\"currency\":\"CNY\"",
                    "\"currency\":\"CNY\",\"pump\":" + "[".repeat(20_000) + "]".repeat(20_000))));
            case 10 -> raw("utf16", json.getBytes(StandardCharsets.UTF_16));
            case 11 -> raw("comments", utf8(json.replaceFirst("\\{", "{/* c */")));
            case 12 -> raw("single-quotes", utf8(json.replace('"', '\'')));
            case 13 -> raw("nan-amount", utf8(json.replaceFirst("\"amount\":\\d+", "\"amount\":" + new String[] {"NaN", "Infinity", "-Infinity"}[random.nextInt(3)])));
            case 14 -> raw("odd-number-syntax", utf8(json.replaceFirst("\"amount\":(\\d+)", "\"amount\":" + new String[] {"0$1", "+$1", ".5", "$1.", "0x10"}[random.nextInt(5)])));
            case 15 -> raw("oversized-unknown-field-3MB", utf8(json.replaceFirst("\\{", "{\"pad\":\"" + "A".repeat(3 << 20) + "\",")));
            default -> rawButSignedFrom(json, kind);
        };
    }

    /** Byte-level changes that keep the JSON value (and so the signature) intact. */
    private FuzzCase rawButSigned() {
        return rawButSignedFrom(new String(Payloads.bytes(Payloads.sign(validEnvelope(), device.signingKey())), StandardCharsets.UTF_8),
                16 + random.nextInt(4));
    }

    private FuzzCase rawButSignedFrom(String json, int kind) {
        return switch (kind) {
            case 16 -> raw("whitespace-padded-256k", utf8(json.replaceFirst("\\{", "{" + " \n\t\r".repeat(64 << 10))));
            case 17 -> raw("escaped-key-names", utf8(json.replace("\"amount\":", "\"\\u0061mount\":").replace("\"plate\":", "\"\\u0070late\":")));
            case 18 -> raw("escaped-slash-and-unicode", utf8(json.replace("\"CNY\"", "\"\\u0043NY\"")));
            default -> raw("pretty-printed", utf8(json.replace(",", ",\n  ").replace(":", " : ")));
        };
    }

    // --- signatures

    private FuzzCase signature() {
        ObjectNode e = Payloads.sign(validEnvelope(), device.signingKey());
        ObjectNode body = (ObjectNode) e.get("body");
        String sig = e.get("sig").textValue();
        String label;
        switch (random.nextInt(14)) {
            case 0 -> { body.put("amount", body.get("amount").asLong() + 1); label = "amount-changed-after-signing"; }
            case 1 -> { body.put("plate", "京A12345"); label = "plate-changed-after-signing"; }
            case 2 -> { body.put("chargeId", ids.uuidV7()); label = "chargeId-changed-after-signing"; }
            case 3 -> { e.put("seq", e.get("seq").asLong() + 1); label = "seq-changed-after-signing"; }
            case 4 -> { e.put("sentAt", ProtocolCodec.formatInstant(now().plusMillis(1))); label = "sentAt-changed-after-signing"; }
            case 5 -> { body.put("pump", "99"); label = "field-added-after-signing"; }
            case 6 -> { e.put("sig", flip(sig)); label = "sig-one-character-changed"; }
            case 7 -> { Payloads.sign(e, strangerKey); label = "signed-by-another-key"; }
            case 8 -> { e.put("sig", sig.substring(0, 85)); label = "sig-85-characters"; }
            case 9 -> { e.put("sig", sig + "=="); label = "sig-padded"; }
            case 10 -> { e.put("sig", sig.replace('-', '+').replace('_', '/')); label = "sig-standard-base64"; }
            case 11 -> { e.put("sig", "A".repeat(86)); label = "sig-all-zero"; }
            case 12 -> { e.remove("sig"); label = "sig-missing"; }
            default -> { e.putNull("sig"); label = "sig-null"; }
        }
        return build("signature", label, e);
    }

    private String flip(String sig) {
        int at = random.nextInt(sig.length());
        char c = sig.charAt(at) == 'A' ? 'B' : 'A';
        return sig.substring(0, at) + c + sig.substring(at + 1);
    }

    // --- replays and resends

    private FuzzCase replay() {
        if (history.isEmpty()) {
            return remember(valid());
        }
        int pick = random.nextInt(4) == 0 ? history.size() - 1 : random.nextInt(history.size());
        FuzzCase earlier = history.get(pick);
        ObjectNode original = historyEnvelopes.get(pick);
        switch (random.nextInt(8)) {
            case 0 -> {
                return copy(earlier, "same-bytes-again");
            }
            case 1 -> {
                return copy(history.get(history.size() - 1), "same-bytes-at-once");
            }
            case 2 -> {
                return build("replay", "resend-same-body", resent(original, original.get("body").deepCopy(), now()));
            }
            case 3 -> {
                ObjectNode body = original.get("body").deepCopy();
                body.put("amount", body.get("amount").asLong() + 1);
                return build("replay", "same-chargeId-other-amount", resent(original, body, now()));
            }
            case 4 -> {
                ObjectNode body = original.get("body").deepCopy();
                body.put("chargeId", body.get("chargeId").textValue().toUpperCase());
                return build("replay", "same-chargeId-upper-case", resent(original, body, now()));
            }
            case 5 -> {
                ObjectNode body = original.get("body").deepCopy();
                body.put("chargeId", body.get("chargeId").textValue().toLowerCase());
                return build("replay", "same-chargeId-lower-case", resent(original, body, now()));
            }
            case 6 -> {
                ObjectNode e = validEnvelope();
                boolean old = random.nextBoolean();
                e.put("sentAt", ProtocolCodec.formatInstant(now().plus(old ? Duration.ofMinutes(-10) : Duration.ofMinutes(10))));
                return build("replay", old ? "sentAt-10-minutes-ago" : "sentAt-10-minutes-ahead", Payloads.sign(e, device.signingKey()));
            }
            default -> {
                ObjectNode e = validEnvelope();
                e.put("id", original.get("id").textValue());
                return build("replay", "envelope-id-reused-other-body", Payloads.sign(e, device.signingKey()));
            }
        }
    }

    private ObjectNode resent(ObjectNode original, ObjectNode body, Instant sentAt) {
        ObjectNode e = original.deepCopy();
        e.put("id", ids.uuidV7());
        e.put("seq", ++seq);
        e.put("sentAt", ProtocolCodec.formatInstant(sentAt));
        e.set("body", body);
        return Payloads.sign(e, device.signingKey());
    }

    private FuzzCase copy(FuzzCase earlier, String label) {
        return new FuzzCase(index++, "replay", label, earlier.topic(), earlier.payload(),
                earlier.chargeId(), earlier.amount(), earlier.plateFitsGrammar(), true);
    }

    // --- topics and devices

    private FuzzCase topic() {
        ObjectNode e = validEnvelope();
        int kind = random.nextInt(10);
        switch (kind) {
            case 0, 1, 2 -> {
                e.put("deviceId", "hh-" + random.nextInt(1_000_000));
                return build("topic", "envelope-names-another-device", Payloads.sign(e, device.signingKey()));
            }
            case 3, 4 -> {
                e.put("siteId", "site-" + random.nextInt(1_000_000));
                return build("topic", "envelope-names-another-site", Payloads.sign(e, device.signingKey()));
            }
            case 5, 6 -> {
                e.put("deviceId", "hh-" + random.nextInt(1_000_000));
                return build("topic", "stranger-key-claims-another-device", Payloads.sign(e, strangerKey));
            }
            case 7 -> {
                return onTopic("own-" + Topics.PLATE_READ + "-topic", Topics.device(device.siteId(), device.deviceId(), Topics.PLATE_READ), e);
            }
            case 8 -> {
                return onTopic("another-devices-charge-topic", Topics.device(device.siteId(), "hh-" + random.nextInt(1_000_000), Topics.CHARGE), e);
            }
            default -> {
                return onTopic("another-sites-charge-topic", Topics.device("site-" + random.nextInt(1_000_000), device.deviceId(), Topics.CHARGE), e);
            }
        }
    }

    private FuzzCase onTopic(String label, String topic, ObjectNode e) {
        byte[] payload = Payloads.bytes(Payloads.sign(e, device.signingKey()));
        Payloads.Claimed c = Payloads.claimed(payload);
        return new FuzzCase(index++, "topic", label, topic, payload, c.chargeId(), c.amount(), c.plateFitsGrammar(), false);
    }

    // --- helpers

    private FuzzCase build(String family, String label, ObjectNode envelope) {
        return raw(family, label, Payloads.bytes(envelope));
    }

    private FuzzCase raw(String label, byte[] payload) {
        return raw("raw", label, payload);
    }

    private FuzzCase raw(String family, String label, byte[] payload) {
        Payloads.Claimed c = Payloads.claimed(payload);
        return new FuzzCase(index++, family, label, device.chargeTopic(), payload, c.chargeId(), c.amount(), c.plateFitsGrammar(), true);
    }

    private FuzzCase remember(FuzzCase c) {
        history.add(c);
        historyEnvelopes.add((ObjectNode) Payloads.readTree(c.payload()));
        if (history.size() > 64) {
            history.remove(0);
            historyEnvelopes.remove(0);
        }
        return c;
    }

    private byte[] spliceIntoPlate(String json, byte[] bad) {
        byte[] bytes = utf8(json);
        int at = json.indexOf("\"plate\":\"");
        int offset = utf8(json.substring(0, at + 9)).length;
        return concat(java.util.Arrays.copyOf(bytes, offset), concat(bad, java.util.Arrays.copyOfRange(bytes, offset, bytes.length)));
    }

    private Instant now() {
        return clock.instant();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
