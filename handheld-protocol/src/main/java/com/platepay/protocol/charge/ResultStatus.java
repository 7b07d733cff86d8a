package com.platepay.protocol.charge;

/** APPROVED = debited; DECLINED = a business or bank refusal (take another payment); REJECTED = a bad message. */
public enum ResultStatus {
    APPROVED, DECLINED, REJECTED
}
