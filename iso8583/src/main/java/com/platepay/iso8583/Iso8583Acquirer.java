package com.platepay.iso8583;

import com.platepay.iso8583.TransactionLog.FollowUp;
import com.platepay.iso8583.TransactionLog.FollowUpKind;
import com.platepay.iso8583.TransactionLog.Kind;
import com.platepay.iso8583.TransactionLog.Original;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.jpos.iso.ISOMsg;

/**
 * PlatePay's conversation with an ISO 8583 acquirer, keyed by PlatePay's idempotency keys:
 * purchase 0200, refund 0200 with processing code 20, hold 0100, completion 0220 (repeated as 0221), void 0400
 * (repeated as 0401), reversal advice 0420 (repeated as 0421). Every message's identity is logged before it is sent. A purchase without an answer is
 * never sent again as a new purchase: it is reversed by advice until the host acknowledges.
 */
public final class Iso8583Acquirer {

    /** timeout: how long to wait for one answer; adviceAttempts: sendings of a follow-up per call. */
    public record Settings(Duration timeout, int adviceAttempts) {
    }

    private final AcquirerLink link;
    private final AcquirerMessages messages;
    private final TransactionLog log;
    private final Settings settings;

    public Iso8583Acquirer(AcquirerLink link, AcquirerMessages messages, TransactionLog log, Settings settings) {
        this.link = link;
        this.messages = messages;
        this.log = log;
        this.settings = settings;
    }

    /** 0200. A repeat of the key sends the same STAN and RRN, so the host answers what it answered before. */
    public CompletableFuture<HostAnswer> purchase(String key, CardData card, long amount, String currency) {
        Original original = originalFor(key, Kind.PURCHASE, Mti.FINANCIAL, amount, currency);
        return send(messages.purchase(original.message(), card));
    }

    /**
     * 0200 with processing code 20: gives {@code amount} of the purchase under {@code purchaseKey} back to its card,
     * under the refund's own key. Its identity is logged before it is sent, so a repeat of the key (a retry after no
     * answer, or after a restart) sends the same STAN and RRN and the host answers what it answered before: a
     * retried refund never pays twice. IllegalArgumentException when no purchase was ever sent under
     * {@code purchaseKey} (nothing to refund), or when the refund's key was used for another amount.
     */
    public CompletableFuture<HostAnswer> refund(String refundKey, String purchaseKey, long amount, String currency) {
        Original purchase = log.original(purchaseKey).filter(o -> o.kind() == Kind.PURCHASE)
                .orElseThrow(() -> new IllegalArgumentException("no purchase was sent under " + purchaseKey));
        Original refund = originalFor(refundKey, Kind.REFUND, Mti.FINANCIAL, amount, currency);
        return send(messages.refund(refund.message(), purchase.message()));
    }

    /** 0100: a hold of the amount, completed by {@link #complete} or released by {@link #voidHold}. */
    public CompletableFuture<HostAnswer> authorize(String key, CardData card, long amount, String currency) {
        Original original = originalFor(key, Kind.HOLD, Mti.AUTHORIZATION, amount, currency);
        return send(messages.authorization(original.message(), card, false)).thenApply(answer -> {
            if (answer instanceof HostAnswer.Answered a && a.approved()) {
                log.recordApproval(key, a.approvalCode());
            }
            return answer;
        });
    }

    /** 0100 for amount zero: is the card there, and is its expiry date right? Nothing is logged. */
    public CompletableFuture<HostAnswer> verify(CardData card, String currency) {
        return send(messages.authorization(messages.identity(Mti.AUTHORIZATION, 0, currency), card, true));
    }

    /** 0220, then 0221 until acknowledged: the hold under the key is taken for {@code amount} (at most the hold). */
    public CompletableFuture<FollowUpResult> complete(String key, long amount) {
        Optional<Original> hold = log.original(key).filter(o -> o.kind() == Kind.HOLD);
        if (hold.isEmpty()) {
            return CompletableFuture.completedFuture(FollowUpResult.NO_ORIGINAL);
        }
        Original original = hold.get();
        FollowUp followUp = log.followUp(key, FollowUpKind.COMPLETION).orElseGet(() -> log.recordFollowUp(key,
                FollowUpKind.COMPLETION, messages.identity(Mti.COMPLETION_ADVICE, amount, original.message().currency())));
        return followUntilAcknowledged(key, FollowUpKind.COMPLETION, followUp, Mti.COMPLETION_ADVICE_REPEAT,
                sent -> messages.completion(sent, original.message(), original.approvalCode()), settings.adviceAttempts());
    }

    /** 0400, then 0401: the hold under the key is released. */
    public CompletableFuture<FollowUpResult> voidHold(String key) {
        return pointBack(key, Kind.HOLD, FollowUpKind.VOID, Mti.REVERSAL_REQUEST, Mti.REVERSAL_REQUEST_REPEAT);
    }

    /**
     * 0420, then 0421 until acknowledged: the purchase under the key is undone, or, if it has not reached the host
     * yet, refused when it does. Nothing was ever sent under an unknown key, so there is nothing to reverse.
     */
    public CompletableFuture<FollowUpResult> reverse(String key) {
        return pointBack(key, Kind.PURCHASE, FollowUpKind.REVERSAL, Mti.REVERSAL_ADVICE, Mti.REVERSAL_ADVICE_REPEAT);
    }

    private CompletableFuture<FollowUpResult> pointBack(String key, Kind originalKind, FollowUpKind kind,
                                                        String firstMti, String repeatMti) {
        Optional<Original> found = log.original(key).filter(o -> o.kind() == originalKind);
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(FollowUpResult.NO_ORIGINAL);
        }
        SentMessage original = found.get().message();
        FollowUp followUp = log.followUp(key, kind).orElseGet(() ->
                log.recordFollowUp(key, kind, messages.identity(firstMti, original.amount(), original.currency())));
        return followUntilAcknowledged(key, kind, followUp, repeatMti, sent -> messages.reversal(sent, original),
                settings.adviceAttempts());
    }

    private CompletableFuture<FollowUpResult> followUntilAcknowledged(String key, FollowUpKind kind, FollowUp followUp,
                                                                      String repeatMti,
                                                                      Function<SentMessage, ISOMsg> build,
                                                                      int attemptsLeft) {
        if (followUp.acknowledgedWith() != null) {
            return CompletableFuture.completedFuture(FollowUpResult.acknowledged(followUp.acknowledgedWith()));
        }
        int before = log.recordAttempt(key, kind);
        SentMessage sent = before == 0 ? followUp.message() : AcquirerMessages.repeat(followUp.message(), repeatMti);
        return send(build.apply(sent)).thenCompose(answer -> {
            if (answer instanceof HostAnswer.Answered a && acknowledges(a)) {
                log.recordAcknowledgement(key, kind, a.field39());
                return CompletableFuture.completedFuture(FollowUpResult.acknowledged(a.field39()));
            }
            if (attemptsLeft > 1 && link.isUp()) {
                return followUntilAcknowledged(key, kind, followUp, repeatMti, build, attemptsLeft - 1);
            }
            return CompletableFuture.completedFuture(FollowUpResult.NO_ANSWER);
        });
    }

    /** Any final answer acknowledges; a host that could not process it (91, 96) has to be asked again. */
    private static boolean acknowledges(HostAnswer.Answered answer) {
        return !ResponseCode.ISSUER_UNAVAILABLE.iso().equals(answer.field39())
                && !ResponseCode.SYSTEM_MALFUNCTION.iso().equals(answer.field39());
    }

    private Original originalFor(String key, Kind kind, String mti, long amount, String currency) {
        Original original = log.original(key).orElseGet(() ->
                log.recordOriginal(key, kind, messages.identity(mti, amount, currency)));
        if (original.kind() != kind || original.message().amount() != amount || !original.message().currency().equals(currency)) {
            throw new IllegalArgumentException("idempotency key " + key + " was already used for a different "
                    + original.kind().name().toLowerCase() + " of " + original.message().amount() + " "
                    + original.message().currency());
        }
        return original;
    }

    private CompletableFuture<HostAnswer> send(ISOMsg request) {
        return link.request(request, settings.timeout())
                .<HostAnswer>thenApply(HostAnswer.Answered::of)
                .exceptionally(e -> new HostAnswer.NoAnswer(rootCause(e).getClass().getSimpleName()));
    }

    private static Throwable rootCause(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
