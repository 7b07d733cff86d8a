package com.platepay.protocol;

/** Values of the envelope's {@code type}. Results use a dot, topics a slash. */
public final class MessageTypes {
    public static final String CHARGE = "charge";
    public static final String CHARGE_RESULT = "charge.result";
    public static final String CYLINDER_CHECK = "cylinder-check";
    public static final String CYLINDER_CHECK_RESULT = "cylinder-check.result";
    public static final String PLATE_READ = "plate-read";
    public static final String STATUS = "status";
    public static final String COMMAND = "command";
    /** Sent on the {@code command} topic too, retained: the lane's offline allow-list. */
    public static final String ALLOW_LIST = "allow-list";
    /** Sent on a handheld's {@code command} topic, retained: the vehicles it may fill offline, and their floors. */
    public static final String HANDHELD_ALLOW_LIST = "handheld-allow-list";
    public static final String VOUCHER = "voucher";
    public static final String VOUCHER_RESULT = "voucher.result";

    private MessageTypes() {
    }
}
