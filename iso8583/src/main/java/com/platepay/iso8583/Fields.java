package com.platepay.iso8583;

/** The data elements of the field set (platepay-iso87.xml), by number. */
public final class Fields {
    public static final int PAN = 2;
    public static final int PROCESSING_CODE = 3;
    public static final int AMOUNT = 4;
    /** MMddHHmmss, UTC. */
    public static final int TRANSMISSION_DATE_TIME = 7;
    public static final int STAN = 11;
    /** HHmmss in the terminal's zone. */
    public static final int LOCAL_TIME = 12;
    /** MMdd in the terminal's zone; with the STAN and terminal it identifies a transaction for duplicate checks. */
    public static final int LOCAL_DATE = 13;
    /** YYMM. */
    public static final int EXPIRY = 14;
    public static final int POS_ENTRY_MODE = 22;
    public static final int POS_CONDITION = 25;
    public static final int ACQUIRER_ID = 32;
    public static final int RRN = 37;
    public static final int APPROVAL_CODE = 38;
    public static final int RESPONSE_CODE = 39;
    public static final int TERMINAL_ID = 41;
    public static final int MERCHANT_ID = 42;
    /** Card verification answers: "DEBIT;bank name" (a simulator convenience; a real host returns a BIN table). */
    public static final int ADDITIONAL_RESPONSE = 44;
    public static final int CURRENCY = 49;
    public static final int MAC = 64;
    public static final int NETWORK_CODE = 70;
    /** Original MTI(4) + STAN(6) + transmission date-time(10) + acquirer(11) + forwarder(11). */
    public static final int ORIGINAL_DATA = 90;
    public static final int MAC_2 = 128;

    private Fields() {
    }
}
