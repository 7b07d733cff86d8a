package com.platepay.iso8583;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * THE table between ISO 8583 field 39 and PlatePay's bank decline codes (the codes the HTTP simulator answers, which
 * server's charging.BankDeclines turns into device reason codes). The host answers with these codes and the adapter
 * reads them back; a code not in the table is a decline with code {@code DECLINED_<code>} (CARD_DECLINED).
 */
public enum ResponseCode {
    APPROVED("00", null, "approved"),
    DO_NOT_HONOUR("05", "DO_NOT_HONOUR", "do not honour"),
    /** The purchase arrived after its reversal advice: refused, no money moved. */
    REVERSED_BEFORE_AUTHORISATION("12", "REVERSED_BEFORE_AUTHORISATION", "invalid transaction: already reversed"),
    /** The card's account is kept in another currency. */
    CURRENCY_MISMATCH("13", "CURRENCY_MISMATCH", "invalid amount (currency)"),
    CARD_NOT_FOUND("14", "CARD_NOT_FOUND", "invalid card number"),
    /** A reversal, void or completion whose original the host does not hold; for a reversal: nothing to reverse. */
    ORIGINAL_NOT_FOUND("25", "ORIGINAL_NOT_FOUND", "unable to locate original transaction"),
    FORMAT_ERROR("30", "FORMAT_ERROR", "format error"),
    INSUFFICIENT_FUNDS("51", "INSUFFICIENT_FUNDS", "not sufficient funds"),
    EXPIRED_CARD("54", "EXPIRED_CARD", "expired card (or wrong expiry date)"),
    /** Frictionless payment takes debit cards only. */
    NOT_DEBIT_CARD("57", "NOT_DEBIT_CARD", "transaction not permitted to cardholder"),
    /** A completion above its hold. */
    AMOUNT_ABOVE_HOLD("64", "AMOUNT_ABOVE_HOLD", "original amount incorrect"),
    ISSUER_UNAVAILABLE("91", "ISSUER_UNAVAILABLE", "issuer or switch inoperative"),
    SYSTEM_MALFUNCTION("96", "SYSTEM_MALFUNCTION", "system malfunction");

    private static final Map<String, ResponseCode> BY_ISO = Arrays.stream(values())
            .collect(Collectors.toMap(ResponseCode::iso, Function.identity()));

    private final String iso;
    private final String declineCode;
    private final String meaning;

    ResponseCode(String iso, String declineCode, String meaning) {
        this.iso = iso;
        this.declineCode = declineCode;
        this.meaning = meaning;
    }

    /** Field 39. */
    public String iso() {
        return iso;
    }

    /** The bank decline code PlatePay records; null for APPROVED. */
    public String declineCode() {
        return declineCode;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<ResponseCode> ofIso(String field39) {
        return Optional.ofNullable(BY_ISO.get(field39));
    }

    /** The decline code for any field 39 value, including ones outside the table. */
    public static String declineCodeOf(String field39) {
        return ofIso(field39).map(ResponseCode::declineCode).orElse("DECLINED_" + field39);
    }
}
