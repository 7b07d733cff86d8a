package com.platepay.audit;

/** The kinds of resource whose changes are audited. */
public enum AuditedResource {
    VEHICLE, CARD, MANDATE, OPERATOR, SITE, DEVICE, ATTENDANT, CHARGE, PARKING_LOT, PARKING_LANE, PARKING_SESSION,
    PARKING_PASS, VEHICLE_PROOF, DISPUTE, REFUND, SETTLEMENT_DAY, CYLINDER
}
