package com.platepay.banksim.http;

/** Thrown by a handler to close the connection without any answer. */
public final class DropConnection extends RuntimeException {
    public DropConnection() {
        super("connection dropped on purpose", null, false, false);
    }
}
