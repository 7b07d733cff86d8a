package com.platepay.vault;

import com.platepay.platform.ApiException;

/** Card number checks done before anything else touches the number. */
final class CardNumbers {
    private CardNumbers() {
    }

    /** Strips spaces and hyphens; refuses anything that is not 13-19 digits with a valid Luhn check digit. */
    static String normalise(String raw) {
        String pan = raw == null ? "" : raw.replace(" ", "").replace("-", "");
        if (!pan.matches("[0-9]{13,19}")) {
            throw ApiException.badRequest("INVALID_CARD_NUMBER", "a card number has 13 to 19 digits");
        }
        if (!luhnValid(pan)) {
            throw ApiException.badRequest("INVALID_CARD_NUMBER", "the card number's check digit is wrong");
        }
        return pan;
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
