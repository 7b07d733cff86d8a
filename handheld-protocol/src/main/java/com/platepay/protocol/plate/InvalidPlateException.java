package com.platepay.protocol.plate;

/** A plate text or colour that does not follow the Chinese plate grammar. {@link #code()} is stable for clients. */
public class InvalidPlateException extends IllegalArgumentException {
    private final String code;

    public InvalidPlateException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
