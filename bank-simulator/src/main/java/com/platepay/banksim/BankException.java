package com.platepay.banksim;

/** A refusal with an HTTP status and a stable code; answered as RFC 9457 problem+json. Never carries a full PAN. */
public class BankException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;

    public BankException(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public static BankException badRequest(String code, String detail) {
        return new BankException(400, code, "Bad request", detail);
    }

    public static BankException notFound(String code, String detail) {
        return new BankException(404, code, "Not found", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
