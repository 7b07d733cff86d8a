package com.platepay.bank;

import com.platepay.platform.ApiException;

/** The bank could not be asked; nothing was stored. */
public class BankUnavailableException extends ApiException {
    public BankUnavailableException(String detail) {
        super(503, "BANK_UNAVAILABLE", detail);
    }
}
