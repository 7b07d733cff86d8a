package com.platepay.iso8583;

/** The card as field 2 and 14 carry it. {@link #toString()} masks the number. */
public record CardData(String pan, int expiryMonth, int expiryYear) {
    /** Field 14, YYMM. */
    public String expiryYymm() {
        return String.format("%02d%02d", expiryYear % 100, expiryMonth);
    }

    @Override
    public String toString() {
        return "CardData[" + Pans.mask(pan) + ", " + expiryYymm() + "]";
    }
}
