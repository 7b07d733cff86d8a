package com.platepay.faults;

/**
 * One charge a handheld will send: its own charge id, kept until it has the final answer. A {@code fill} is first
 * a cylinder-check, whose hold the charge then completes. A {@code voucher} is filled while the handheld is offline:
 * the device issues a signed voucher instead (the charge id is then unused: the server debits the voucher under the
 * id derived from device and counter).
 */
record PlannedCharge(String chargeId, int handheld, String plate, long amount, boolean fill, boolean voucher) {

    PlannedCharge(String chargeId, int handheld, String plate, long amount) {
        this(chargeId, handheld, plate, amount, false, false);
    }

    /** The same charge for another amount (a fill is charged at most what its check held). */
    PlannedCharge withAmount(long other) {
        return new PlannedCharge(chargeId, handheld, plate, other, fill, voucher);
    }
}
