package com.platepay.banksim.http;

import com.platepay.banksim.accounts.CardNumbers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks anything that looks like a card number (a run of 13 to 19 digits) before it is logged or echoed in an error. */
public final class Redact {
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{13,19}(?!\\d)");

    private Redact() {
    }

    public static String pans(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(CardNumbers.mask(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
