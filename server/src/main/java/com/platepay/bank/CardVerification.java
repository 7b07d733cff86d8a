package com.platepay.bank;

public record CardVerification(Result result, String cardType, String bankName, String bin, String last4) {
    public enum Result { VERIFIED, CARD_NOT_FOUND, EXPIRED }
}
