package com.platepay.vault;

import java.util.UUID;

/**
 * A card as charging may carry it between its transaction and the bank call: the id and the sealed number. Only
 * {@link CardVault#debit} opens it, so the card number never exists outside the vault.
 */
public final class SealedCard {

    private final UUID cardId;
    private final byte[] ciphertext;
    private final int expiryMonth;
    private final int expiryYear;

    SealedCard(UUID cardId, byte[] ciphertext, int expiryMonth, int expiryYear) {
        this.cardId = cardId;
        this.ciphertext = ciphertext.clone();
        this.expiryMonth = expiryMonth;
        this.expiryYear = expiryYear;
    }

    public UUID cardId() {
        return cardId;
    }

    byte[] ciphertext() {
        return ciphertext.clone();
    }

    int expiryMonth() {
        return expiryMonth;
    }

    int expiryYear() {
        return expiryYear;
    }

    @Override
    public String toString() {
        return "SealedCard[" + cardId + "]";
    }
}
