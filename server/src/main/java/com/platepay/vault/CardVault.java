package com.platepay.vault;

import com.platepay.bank.AcquirerPort;
import com.platepay.bank.CardVerification;
import com.platepay.bank.DebitOutcome;
import com.platepay.bank.DebitRequest;
import com.platepay.bank.HoldOutcome;
import com.platepay.bank.HoldRequest;
import com.platepay.platform.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

/** The only code that sees card numbers: it checks, verifies with the bank and seals them, and
 * opens them only to send a debit. */
@ApplicationScoped
public class CardVault {

    private final CardCipher cipher;
    private final AcquirerPort acquirer;

    public CardVault(CardCipher cipher, AcquirerPort acquirer) {
        this.cipher = cipher;
        this.acquirer = acquirer;
    }

    public record NewCard(String pan, int expiryMonth, int expiryYear, String holderName) {
    }

    /** A card the bank has verified as an existing debit card; not yet stored. */
    public record VerifiedCard(String pan, NewCard request, CardVerification verification) {
        @Override
        public String toString() {
            return "VerifiedCard[" + verification.bin() + "******" + verification.last4() + "]";
        }
    }

    /** A card whose number and expiry passed the local checks; its fingerprint is what attempt limits count. */
    public record CheckedCard(String pan, NewCard request, String fingerprint) {
        @Override
        public String toString() {
            return "CheckedCard[****]";
        }
    }

    /** The checks that need no bank: the number's form and check digit, and the expiry. */
    public CheckedCard check(NewCard request) {
        String pan = CardNumbers.normalise(request.pan());
        if (YearMonth.of(request.expiryYear(), request.expiryMonth()).isBefore(YearMonth.now(ZoneOffset.UTC))) {
            throw ApiException.badRequest("CARD_EXPIRED", "the card has expired");
        }
        return new CheckedCard(pan, request, cipher.fingerprint(pan));
    }

    /** Checks the number and asks the bank; call outside a transaction (it makes a network call). */
    public Uni<VerifiedCard> verify(NewCard request) {
        return verify(check(request));
    }

    /** Asks the bank about a checked card; call outside a transaction (it makes a network call). */
    public Uni<VerifiedCard> verify(CheckedCard checked) {
        String pan = checked.pan();
        NewCard request = checked.request();
        return acquirer.verifyCard(pan, request.expiryMonth(), request.expiryYear()).map(v -> {
            switch (v.result()) {
                case VERIFIED -> {
                    if (!"DEBIT".equals(v.cardType())) {
                        throw new ApiException(422, "NOT_A_DEBIT_CARD", "only debit cards can be bound");
                    }
                    return new VerifiedCard(pan, request, v);
                }
                case EXPIRED -> throw new ApiException(422, "CARD_EXPIRED", "the bank says the card has expired");
                default -> throw new ApiException(422, "CARD_NOT_VERIFIED", "the bank could not verify this card");
            }
        });
    }

    /** Seals and stores a verified card; must run inside a transaction. */
    public Uni<Card> store(UUID driverId, VerifiedCard verified) {
        String fingerprint = cipher.fingerprint(verified.pan());
        return Card.count("driverId = ?1 and panFingerprint = ?2", driverId, fingerprint).flatMap(existing -> {
            if (existing > 0) {
                throw ApiException.conflict("CARD_EXISTS", "this card is already in your wallet");
            }
            Card card = new Card();
            card.id = UUID.randomUUID();
            card.driverId = driverId;
            card.panCiphertext = cipher.encrypt(verified.pan(), card.id);
            card.panFingerprint = fingerprint;
            card.bin = verified.pan().substring(0, 6);
            card.last4 = verified.pan().substring(verified.pan().length() - 4);
            card.bankName = verified.verification().bankName();
            card.cardType = verified.verification().cardType();
            card.expiryMonth = verified.request().expiryMonth();
            card.expiryYear = verified.request().expiryYear();
            card.holderName = verified.request().holderName();
            card.status = "ACTIVE";
            card.createdAt = Instant.now();
            return card.<Card>persist();
        });
    }

    /** The card, sealed, for a debit later and outside any transaction. */
    public SealedCard seal(Card card) {
        if (card.panCiphertext == null || card.panCiphertext.length == 0) {
            throw new IllegalStateException("card " + card.id + " has been removed");
        }
        return new SealedCard(card.id, card.panCiphertext, card.expiryMonth, card.expiryYear);
    }

    /** Opens the sealed card and sends the debit: the only place a stored card number is ever decrypted. */
    public Uni<DebitOutcome> debit(SealedCard card, DebitOrder order) {
        String pan = cipher.decrypt(card.ciphertext(), card.cardId());
        return acquirer.debit(new DebitRequest(order.idempotencyKey(), pan, card.expiryMonth(), card.expiryYear(),
                order.amount(), order.currency(), order.merchantId(), order.reference()));
    }

    /** Opens the sealed card and places a hold on it (a CNG fill's pre-authorisation); the same rules as {@link #debit}. */
    public Uni<HoldOutcome> hold(SealedCard card, HoldOrder order) {
        String pan = cipher.decrypt(card.ciphertext(), card.cardId());
        return acquirer.authorize(new HoldRequest(order.idempotencyKey(), pan, card.expiryMonth(), card.expiryYear(),
                order.amount(), order.currency(), order.merchantId(), order.reference()));
    }

    /** Forgets the number for good (the row stays for the history of charges). */
    public void remove(Card card) {
        card.status = "REMOVED";
        card.panCiphertext = new byte[0];
    }

    /**
     * A synthetic fleet's card, sealed like any other but not verified with the bank (benchmarks seed a million of
     * them; their bank opens fleet accounts on first use). Not stored; never reachable from the REST API.
     */
    public Card unverifiedFleetCard(UUID driverId, String pan, int expiryMonth, int expiryYear, String holderName) {
        Card card = new Card();
        card.id = UUID.randomUUID();
        card.driverId = driverId;
        card.panCiphertext = cipher.encrypt(pan, card.id);
        card.panFingerprint = cipher.fingerprint(pan);
        card.bin = pan.substring(0, 6);
        card.last4 = pan.substring(pan.length() - 4);
        card.bankName = "Fleet Bank";
        card.cardType = "DEBIT";
        card.expiryMonth = expiryMonth;
        card.expiryYear = expiryYear;
        card.holderName = holderName;
        card.status = "ACTIVE";
        card.createdAt = Instant.now();
        return card;
    }
}
