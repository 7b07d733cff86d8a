package com.platepay.protocol.charge;

import java.util.List;

/** Stable reason codes of a {@link ChargeResult}; APPROVED results carry {@link #APPROVED}. */
public final class ReasonCodes {
    public static final String APPROVED = "APPROVED";
    // DECLINED: business or bank refusal
    public static final String NOT_ENROLLED = "NOT_ENROLLED";
    public static final String PLATE_COLOUR_REQUIRED = "PLATE_COLOUR_REQUIRED";
    public static final String MANDATE_PAUSED = "MANDATE_PAUSED";
    public static final String MANDATE_REVOKED = "MANDATE_REVOKED";
    /** The plate has a mandate, but no person has approved the proof that the vehicle is the driver's. */
    public static final String VEHICLE_NOT_VERIFIED = "VEHICLE_NOT_VERIFIED";
    public static final String CATEGORY_NOT_ALLOWED = "CATEGORY_NOT_ALLOWED";
    public static final String SITE_NOT_ALLOWED = "SITE_NOT_ALLOWED";
    public static final String OVER_CHARGE_CAP = "OVER_CHARGE_CAP";
    public static final String OVER_DAILY_CAP = "OVER_DAILY_CAP";
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    public static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    public static final String CARD_DECLINED = "CARD_DECLINED";
    public static final String CARD_EXPIRED = "CARD_EXPIRED";
    public static final String BANK_TIMEOUT = "BANK_TIMEOUT";
    public static final String BANK_UNAVAILABLE = "BANK_UNAVAILABLE";
    /** A charge naming a cylinder check asked for more than the check's hold. */
    public static final String OVER_HOLD = "OVER_HOLD";
    /** A charge named a cylinder check without a standing hold (none placed, expired, completed, or another plate's). */
    public static final String HOLD_NOT_FOUND = "HOLD_NOT_FOUND";
    // REJECTED: the message itself is wrong
    public static final String MALFORMED = "MALFORMED";
    public static final String MISSING_FIELD = "MISSING_FIELD";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    public static final String INVALID_PLATE = "INVALID_PLATE";
    public static final String INVALID_CHARGE_ID = "INVALID_CHARGE_ID";
    public static final String UNKNOWN_DEVICE = "UNKNOWN_DEVICE";
    public static final String DEVICE_DISABLED = "DEVICE_DISABLED";
    public static final String TOPIC_MISMATCH = "TOPIC_MISMATCH";
    public static final String BAD_SIGNATURE = "BAD_SIGNATURE";
    public static final String REPLAYED = "REPLAYED";
    public static final String IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** The envelope's {@code v} is not spoken here (from {@link com.platepay.protocol.ProtocolException}). */
    public static final String UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION";

    /** Every code, in the order of the contract's table. */
    public static final List<String> ALL = List.of(APPROVED,
            NOT_ENROLLED, PLATE_COLOUR_REQUIRED, MANDATE_PAUSED, MANDATE_REVOKED, VEHICLE_NOT_VERIFIED,
            CATEGORY_NOT_ALLOWED, SITE_NOT_ALLOWED,
            OVER_CHARGE_CAP, OVER_DAILY_CAP, CURRENCY_MISMATCH, INSUFFICIENT_FUNDS, CARD_DECLINED, CARD_EXPIRED,
            BANK_TIMEOUT, BANK_UNAVAILABLE, OVER_HOLD, HOLD_NOT_FOUND,
            MALFORMED, MISSING_FIELD, INVALID_FIELD, INVALID_AMOUNT, INVALID_PLATE, INVALID_CHARGE_ID, UNKNOWN_DEVICE,
            DEVICE_DISABLED, TOPIC_MISMATCH, BAD_SIGNATURE, REPLAYED, IDEMPOTENCY_CONFLICT, IN_PROGRESS, INTERNAL_ERROR,
            UNSUPPORTED_VERSION);

    private ReasonCodes() {
    }
}
