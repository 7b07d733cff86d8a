package com.platepay.iso8583;

/** The message types PlatePay speaks (ISO 8583:1987). A response's type is its request's plus 10. */
public final class Mti {
    /** Authorisation (a hold, or with amount zero an account verification) and its answer. */
    public static final String AUTHORIZATION = "0100";
    public static final String AUTHORIZATION_RESPONSE = "0110";
    /** Purchase: the money moves now. */
    public static final String FINANCIAL = "0200";
    public static final String FINANCIAL_RESPONSE = "0210";
    /** Completion advice of a hold; repeated as 0221 until acknowledged. */
    public static final String COMPLETION_ADVICE = "0220";
    public static final String COMPLETION_ADVICE_REPEAT = "0221";
    public static final String COMPLETION_ADVICE_RESPONSE = "0230";
    /** Reversal request, used to void a hold; repeated as 0401. */
    public static final String REVERSAL_REQUEST = "0400";
    public static final String REVERSAL_REQUEST_REPEAT = "0401";
    public static final String REVERSAL_RESPONSE = "0410";
    /** Reversal advice of a purchase whose answer never came; repeated as 0421 until acknowledged. */
    public static final String REVERSAL_ADVICE = "0420";
    public static final String REVERSAL_ADVICE_REPEAT = "0421";
    public static final String REVERSAL_ADVICE_RESPONSE = "0430";
    /** Network management (echo, field 70 = 301). */
    public static final String NETWORK = "0800";
    public static final String NETWORK_RESPONSE = "0810";

    private Mti() {
    }

    /** 0100 for 0110, 0420 for 0421 and 0430: the request type a message belongs to, ignoring the repeat flag. */
    public static String requestOf(String mti) {
        int function = mti.charAt(2) - '0';
        return mti.substring(0, 2) + (function - function % 2) + "0";
    }
}
