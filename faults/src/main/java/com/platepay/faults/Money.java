package com.platepay.faults;

/** Fen as CNY for people. */
final class Money {
    private Money() {
    }

    static String cny(long fen) {
        return String.format("CNY %,d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
