package com.platepay.faults;

/** One charge a handheld will send: its own charge id, kept until it has the final answer. */
record PlannedCharge(String chargeId, int handheld, String plate, long amount) {
}
