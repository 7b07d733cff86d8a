package com.platepay.bank;

/** VOIDED: the hold is released; NOTHING_TO_VOID: there was none; FAILED: ask again later; NOT_SUPPORTED: no holds here. */
public enum VoidOutcome { VOIDED, NOTHING_TO_VOID, FAILED, NOT_SUPPORTED }
