package com.platepay.protocol.charge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Yuan text to fen and back, without floating point. */
public final class Money {
    private static final Pattern AMOUNT = Pattern.compile("([0-9]{1,17})(?:\\.([0-9]{1,2}))?");

    private Money() {
    }

    /**
     * "128.50" -> 12850, "128" -> 12800, "0.5" -> 50. Refuses negatives, signs, more than two decimals, a lone dot,
     * exponents, whitespace, non-ASCII digits and overflow with IllegalArgumentException.
     */
    public static long parseMinorUnits(String yuan) {
        if (yuan == null) {
            throw new IllegalArgumentException("no amount");
        }
        Matcher m = AMOUNT.matcher(yuan);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an amount in yuan with at most 2 decimals: '" + yuan + "'");
        }
        try {
            long whole = Long.parseLong(m.group(1));
            String frac = m.group(2) == null ? "0" : (m.group(2).length() == 1 ? m.group(2) + "0" : m.group(2));
            return Math.addExact(Math.multiplyExact(whole, 100L), Long.parseLong(frac));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("amount too large: '" + yuan + "'");
        }
    }

    /** 12850 -> "128.50", 5 -> "0.05", -50 -> "-0.50". */
    public static String format(long fen) {
        String sign = fen < 0 ? "-" : "";
        // Long.MIN_VALUE has no positive counterpart; use unsigned arithmetic on the magnitude.
        long abs = fen < 0 ? -fen : fen;
        String whole = Long.toUnsignedString(Long.divideUnsigned(abs, 100));
        long cents = Long.remainderUnsigned(abs, 100);
        return sign + whole + "." + (cents < 10 ? "0" : "") + cents;
    }
}
