package com.platepay.holds;

/** Where a hold is; see {@link HoldStateMachine}. */
public enum HoldStatus { PLACING, HELD, DECLINED, UNKNOWN, COMPLETING, COMPLETED, VOIDING, VOIDED }
