package com.platepay.faults;

/**
 * One charge a handheld will send: its own charge id, kept until it has the final answer. A {@code fill} is first
 * a cylinder-check, whose hold the charge then completes.
 */
record PlannedCharge(String chargeId, int handheld, String plate, long amount, boolean fill) {

    PlannedCharge(String chargeId, int handheld, String plate, long amount) {
        this(chargeId, handheld, plate, amount, false);
    }

    /** The same charge for another amount (a fill is charged at most what its check held). */
    PlannedCharge withAmount(long other) {
        return new PlannedCharge(chargeId, handheld, plate, other, fill);
    }
}
