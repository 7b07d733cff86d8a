package com.platepay.banksim.debits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A validated debit request. */
public record DebitRequest(String pan, int expiryMonth, int expiryYear, long amount, String currency,
                           String merchantId, String reference) {

    /** What "the same body" means for idempotency: a hash of every field, so the stored form holds no PAN. */
    public String fingerprint() {
        String canonical = String.join("\u001f", pan, Integer.toString(expiryMonth), Integer.toString(expiryYear),
                Long.toString(amount), currency, String.valueOf(merchantId), String.valueOf(reference));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
