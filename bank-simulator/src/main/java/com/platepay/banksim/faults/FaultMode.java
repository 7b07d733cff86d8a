package com.platepay.banksim.faults;

public enum FaultMode {
    /** Processes the request (money moves), then holds the answer for delayMs. */
    TIMEOUT_AFTER_PROCESSING,
    /** Holds the request for delayMs (a late arrival), then processes it normally. */
    TIMEOUT_BEFORE_PROCESSING,
    /** Answers 500 without processing. */
    ERROR_500,
    /** Closes the connection without an answer and without processing. */
    DROP_CONNECTION
}
