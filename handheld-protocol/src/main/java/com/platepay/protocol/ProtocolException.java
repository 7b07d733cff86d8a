package com.platepay.protocol;

/**
 * A message that cannot be read. {@link #code()} is a stable string that is also a reason code
 * ({@code MALFORMED}, {@code MISSING_FIELD}, {@code UNSUPPORTED_VERSION}).
 */
public class ProtocolException extends Exception {
    public static final String MALFORMED = "MALFORMED";
    public static final String MISSING_FIELD = "MISSING_FIELD";
    public static final String UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION";

    private final String code;

    public ProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    public ProtocolException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
