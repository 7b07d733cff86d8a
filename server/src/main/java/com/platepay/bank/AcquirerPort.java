package com.platepay.bank;

import io.smallrye.mutiny.Uni;

/**
 * What PlatePay needs from an acquiring bank. The simulated bank implements it over HTTP today; a real acquirer
 * adapter (HTTP or ISO 8583) plugs in here. Implementations never throw for bank answers: a debit whose outcome is
 * not known comes back as {@link DebitOutcome.Unknown}, never as an exception, and is never retried blind.
 */
public interface AcquirerPort {

    /** A zero-amount account verification, done before a card is stored. */
    Uni<CardVerification> verifyCard(String pan, int expiryMonth, int expiryYear);

    /** A card-not-present, merchant-initiated debit. The idempotency key makes repeats safe at the bank. */
    Uni<DebitOutcome> debit(DebitRequest request);

    /** Reverses a debit, or records that it must never happen if it has not arrived yet. Idempotent. */
    Uni<ReversalOutcome> reverse(String idempotencyKey);

    /** Places a hold (ISO 8583 0100), to be completed or voided. An acquirer without holds answers NotSupported. */
    Uni<HoldOutcome> authorize(HoldRequest request);

    /** Completes a hold for its final amount (0220, repeated as 0221). Idempotent. */
    Uni<CompletionOutcome> complete(CompletionRequest request);

    /** Releases a hold (0400, repeated as 0401). Idempotent. */
    Uni<VoidOutcome> voidHold(String idempotencyKey);

    /** Gives (part of) an approved debit back, under the refund's own idempotency key. Idempotent. */
    default Uni<RefundOutcome> refund(RefundRequest request) {
        return Uni.createFrom().item(new RefundOutcome.NotSupported("this acquirer adapter has no refunds"));
    }

    /** The bank's settlement file of a merchant's day, in the merchant's zone; fails when the acquirer has none. */
    default Uni<BankDay> settlementFile(String merchantId, java.time.LocalDate date, java.time.ZoneId zone) {
        return Uni.createFrom().failure(new BankUnavailableException("this acquirer adapter has no settlement file"));
    }
}
