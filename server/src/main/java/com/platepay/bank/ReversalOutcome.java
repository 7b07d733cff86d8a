package com.platepay.bank;

/** REVERSED: money went back; NOTHING_TO_REVERSE: no money had moved (and now never will); FAILED: ask again later. */
public enum ReversalOutcome { REVERSED, NOTHING_TO_REVERSE, FAILED }
