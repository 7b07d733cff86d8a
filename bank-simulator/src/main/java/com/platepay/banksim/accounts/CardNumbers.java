package com.platepay.banksim.accounts;

/** Card number (PAN) rules: shape, Luhn check digit, and the only forms a PAN may be shown in. */
public final class CardNumbers {
    private CardNumbers() {
    }

    /** 13 to 19 digits whose last digit is a valid Luhn check digit. */
    public static boolean isValid(String pan) {
        if (pan == null || pan.length() < 13 || pan.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean doubleIt = false;
        for (int i = pan.length() - 1; i >= 0; i--) {
            char c = pan.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
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

    /** First six, stars, last four (622202******1234). Anything too short to be a PAN is starred out entirely. */
    public static String mask(String pan) {
        if (pan == null) {
            return null;
        }
        if (pan.length() < 13) {
            return "*".repeat(pan.length());
        }
        return bin(pan) + "*".repeat(pan.length() - 10) + last4(pan);
    }

    public static String bin(String pan) {
        return pan.substring(0, 6);
    }

    public static String last4(String pan) {
        return pan.substring(pan.length() - 4);
    }
}
