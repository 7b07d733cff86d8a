package com.platepay.parking;

/** The decision codes a lane is sent (contracts/schemas/command.schema.json) and the lines its screen shows. */
public final class Decisions {
    public static final String ENTERED = "ENTERED";
    /** Let in, but the plate is open at another lot too (a clone?): never debited automatically. */
    public static final String ENTERED_FLAGGED = "ENTERED_FLAGGED";
    public static final String PASSBACK = "PASSBACK";
    public static final String PAID = "PAID";
    public static final String FREE = "FREE";
    public static final String GRACE = "GRACE";
    /** A monthly pass covered the stay: nothing charged. */
    public static final String PASS = "PASS";
    public static final String ARREARS = "ARREARS";
    public static final String PAY_AT_KIOSK = "PAY_AT_KIOSK";
    public static final String REVIEW = "REVIEW";
    public static final String OFFLINE_RECORDED = "OFFLINE_RECORDED";
    public static final String WAIVED = "WAIVED";
    public static final String MANUAL_OPEN = "MANUAL_OPEN";
    public static final String INVALID_PLATE = "INVALID_PLATE";
    public static final String NOT_A_LANE = "NOT_A_LANE";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    /** Stored with a read whose debit has not been recorded yet; never sent to a lane. */
    static final String CHARGING = "CHARGING";

    private Decisions() {
    }

    /** The answer a session's state gives a read of it that arrives again. */
    public static String of(SessionStatus status) {
        return switch (status) {
            case OPEN -> ENTERED;
            case CHARGING -> IN_PROGRESS;
            case PAID -> PAID;
            case ARREARS -> ARREARS;
            case UNPAID -> PAY_AT_KIOSK;
            case REVIEW -> REVIEW;
            case WAIVED -> WAIVED;
        };
    }

    public static String text(String decision, ParkingSession s) {
        return switch (decision) {
            case ENTERED, ENTERED_FLAGGED -> "Welcome";
            case PAID -> "Paid " + money(s) + ". Goodbye";
            case FREE, GRACE, WAIVED, MANUAL_OPEN -> "Goodbye";
            case PASS -> "Monthly pass. Goodbye";
            case ARREARS -> "Payment declined: " + money(s) + " is due, please settle it in the app";
            case PAY_AT_KIOSK -> "Payment declined: please pay at the kiosk";
            case OFFLINE_RECORDED -> "Recorded";
            case IN_PROGRESS -> "One moment please";
            case NOT_A_LANE -> "Lane not set up: please see the attendant";
            default -> "Please pay at the kiosk or see the attendant";
        };
    }

    private static String money(ParkingSession s) {
        if (s == null || s.amount == null) {
            return "";
        }
        return String.format("%d.%02d %s", s.amount / 100, s.amount % 100, s.currency);
    }
}
