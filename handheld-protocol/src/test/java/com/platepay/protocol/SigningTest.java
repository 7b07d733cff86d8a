package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.charge.ChargeRequest;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningTest {
    private static final KeyPair KEYS = DeviceKeys.generate();

    private static Envelope charge() {
        ChargeRequest req = new ChargeRequest(Ids.newUuidV7(), "黑E12345", "BLUE", 12850, "CNY", 25300L, "M3", 420L, "3",
                Instant.parse("2026-11-23T09:00:00.120Z"), "a1");
        return ProtocolCodec.envelope(MessageTypes.CHARGE, "hh-001", "site-1", 7, req);
    }

    @Test
    void thePublicKeyIsRecoveredFromThePrivateKeyAlone() {
        for (int i = 0; i < 20; i++) {
            KeyPair pair = DeviceKeys.generate();
            PrivateKey decoded = DeviceKeys.decodePrivate(DeviceKeys.encodePrivate(pair.getPrivate()));
            assertEquals(DeviceKeys.encodePublic(pair.getPublic()), DeviceKeys.encodePublic(DeviceKeys.publicOf(decoded)));
        }
        Envelope signed = new EnvelopeSigner(KEYS.getPrivate()).sign(charge());
        assertTrue(EnvelopeVerifier.verify(signed, DeviceKeys.publicOf(KEYS.getPrivate())));
        assertFalse(EnvelopeVerifier.verify(signed, DeviceKeys.publicOf(DeviceKeys.generate().getPrivate())));
    }

    @Test
    void roundTripThroughTheWire() throws Exception {
        Envelope signed = new EnvelopeSigner(KEYS.getPrivate()).sign(charge());
        assertNotNull(signed.sig());
        assertEquals(86, signed.sig().length());
        assertTrue(EnvelopeVerifier.verify(signed, KEYS.getPublic()));
        Envelope received = ProtocolCodec.decode(ProtocolCodec.encode(signed));
        assertEquals(signed, received);
        assertTrue(EnvelopeVerifier.verify(received, KEYS.getPublic()));
    }

    @Test
    void verifiesWhateverTheKeyOrderOnTheWire() throws Exception {
        Envelope signed = new EnvelopeSigner(KEYS.getPrivate()).sign(charge());
        // Re-order and re-indent: the signature covers the canonical form, not the bytes sent.
        ObjectNode tree = (ObjectNode) ProtocolCodec.tree(signed);
        ObjectNode reversed = ProtocolCodec.mapper().createObjectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reversed.set(n, tree.get(n)));
        byte[] pretty = ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(reversed);
        assertTrue(EnvelopeVerifier.verify(ProtocolCodec.decode(pretty), KEYS.getPublic()));
    }

    @Test
    void tamperedBodyFails() {
        Envelope signed = new EnvelopeSigner(KEYS.getPrivate()).sign(charge());
        ObjectNode body = signed.body().deepCopy();
        body.put("amount", 12851);
        Envelope tampered = new Envelope(signed.v(), signed.id(), signed.type(), signed.deviceId(), signed.siteId(),
                signed.seq(), signed.sentAt(), body, signed.sig());
        assertFalse(EnvelopeVerifier.verify(tampered, KEYS.getPublic()));
    }

    @Test
    void tamperedHeaderFails() {
        Envelope s = new EnvelopeSigner(KEYS.getPrivate()).sign(charge());
        assertFalse(EnvelopeVerifier.verify(new Envelope(s.v(), s.id(), s.type(), "hh-002", s.siteId(), s.seq(), s.sentAt(), s.body(), s.sig()), KEYS.getPublic()));
        assertFalse(EnvelopeVerifier.verify(new Envelope(s.v(), s.id(), s.type(), s.deviceId(), s.siteId(), s.seq() + 1, s.sentAt(), s.body(), s.sig()), KEYS.getPublic()));
        assertFalse(EnvelopeVerifier.verify(new Envelope(s.v(), s.id(), s.type(), s.deviceId(), s.siteId(), s.seq(), s.sentAt().plusMillis(1), s.body(), s.sig()), KEYS.getPublic()));
    }

    @Test
    void otherKeyFails() {
        Envelope signed = new EnvelopeSigner(KEYS.getPrivate()).sign(charge());
        assertFalse(EnvelopeVerifier.verify(signed, DeviceKeys.generate().getPublic()));
    }

    @Test
    void missingOrGarbageSigFailsWithoutThrowing() {
        Envelope signed = new EnvelopeSigner(KEYS.getPrivate()).sign(charge());
        assertFalse(EnvelopeVerifier.verify(signed.withoutSig(), KEYS.getPublic()));
        assertFalse(EnvelopeVerifier.verify(signed.withSig(""), KEYS.getPublic()));
        assertFalse(EnvelopeVerifier.verify(signed.withSig("not base64 !!"), KEYS.getPublic()));
        assertFalse(EnvelopeVerifier.verify(signed.withSig("A".repeat(86)), KEYS.getPublic()));
        assertFalse(EnvelopeVerifier.verify(signed.withSig(signed.sig() + "=="), KEYS.getPublic()));
        assertFalse(EnvelopeVerifier.verify(signed, null));
        assertFalse(EnvelopeVerifier.verify(null, KEYS.getPublic()));
    }

    @Test
    void bodyWithAFloatFailsWithoutThrowing() throws Exception {
        Envelope signed = new EnvelopeSigner(KEYS.getPrivate()).sign(charge());
        ObjectNode body = signed.body().deepCopy();
        body.put("amount", 128.5);
        Envelope withFloat = new Envelope(signed.v(), signed.id(), signed.type(), signed.deviceId(), signed.siteId(),
                signed.seq(), signed.sentAt(), body, signed.sig());
        assertFalse(EnvelopeVerifier.verify(withFloat, KEYS.getPublic()));
    }

    @Test
    void signingIsDeterministicAndReplacesAnOldSig() {
        EnvelopeSigner signer = new EnvelopeSigner(KEYS.getPrivate());
        Envelope e = charge();
        assertEquals(signer.sign(e), signer.sign(e.withSig("old")));
    }

    @Test
    void keysRoundTripAsBase64() {
        String pub = DeviceKeys.encodePublic(KEYS.getPublic());
        String priv = DeviceKeys.encodePrivate(KEYS.getPrivate());
        Envelope signed = new EnvelopeSigner(DeviceKeys.decodePrivate(priv)).sign(charge());
        assertTrue(EnvelopeVerifier.verify(signed, DeviceKeys.decodePublic(pub)));
        assertEquals(60, pub.length()); // 44 DER bytes
    }

    @Test
    void garbageKeysAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> DeviceKeys.decodePublic("not a key"));
        assertThrows(IllegalArgumentException.class, () -> DeviceKeys.decodePublic("AAAA"));
        assertThrows(IllegalArgumentException.class, () -> DeviceKeys.decodePublic(null));
        assertThrows(IllegalArgumentException.class, () -> DeviceKeys.decodePrivate("AAAA"));
        String rsa = java.util.Base64.getEncoder().encodeToString(
                java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded());
        assertThrows(IllegalArgumentException.class, () -> DeviceKeys.decodePublic(rsa));
        assertThrows(IllegalArgumentException.class,
                () -> new EnvelopeSigner(java.security.KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate()));
    }
}
