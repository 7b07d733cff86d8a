package com.platepay.bank.iso8583;

import com.platepay.bank.AcquirerPort;
import com.platepay.bank.BankUnavailableException;
import com.platepay.bank.CardVerification;
import com.platepay.bank.CompletionOutcome;
import com.platepay.bank.CompletionRequest;
import com.platepay.bank.DebitOutcome;
import com.platepay.bank.DebitRequest;
import com.platepay.bank.HoldOutcome;
import com.platepay.bank.HoldRequest;
import com.platepay.bank.RefundOutcome;
import com.platepay.bank.RefundRequest;
import com.platepay.bank.ReversalOutcome;
import com.platepay.bank.VoidOutcome;
import com.platepay.iso8583.AcquirerLink;
import com.platepay.iso8583.AcquirerMessages;
import com.platepay.iso8583.CardData;
import com.platepay.iso8583.FollowUpResult;
import com.platepay.iso8583.HostAnswer;
import com.platepay.iso8583.Iso8583Acquirer;
import com.platepay.iso8583.Iso87Packager;
import com.platepay.iso8583.MessageAuthenticator;
import com.platepay.iso8583.ResponseCode;
import com.platepay.iso8583.StanSequence;
import com.platepay.iso8583.Terminal;
import com.platepay.iso8583.TransactionLog;
import com.platepay.platform.PlatePayConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The acquirer port over ISO 8583 (iso8583/README.md): a thin layer that turns the protocol module's answers into
 * the port's outcomes. Calls leave the event loop (the transaction log is fsync'd before each message) and their
 * results come back on the caller's Vert.x context, so reactive Hibernate code can continue from them.
 */
@ApplicationScoped
@Typed(Iso8583AcquirerClient.class)
public class Iso8583AcquirerClient implements AcquirerPort {
    private static final Logger LOG = Logger.getLogger(Iso8583AcquirerClient.class);

    private final AcquirerLink link;
    private final TransactionLog log;
    private final Iso8583Acquirer acquirer;

    public Iso8583AcquirerClient(PlatePayConfig config) {
        PlatePayConfig.Bank.Iso8583 iso = config.bank().iso8583();
        Terminal terminal = new Terminal(iso.terminalId(), iso.merchantId(), iso.acquirerId(), config.charging().businessZone());
        Path dir = Path.of(iso.stateDir(), iso.terminalId());
        try {
            AcquirerMessages messages = new AcquirerMessages(terminal, StanSequence.open(dir.resolve("stan")), Clock.systemUTC());
            this.link = new AcquirerLink(new AcquirerLink.Settings(iso.host(), iso.port(), Duration.ofSeconds(1),
                    iso.echoInterval(), config.bank().timeout()), Iso87Packager.create(), messages, MessageAuthenticator.NONE);
            this.log = TransactionLog.open(dir.resolve("transactions.log"));
            this.acquirer = new Iso8583Acquirer(link, messages, log,
                    new Iso8583Acquirer.Settings(config.bank().timeout(), iso.adviceAttempts()));
        } catch (IOException e) {
            throw new UncheckedIOException("the ISO 8583 state in " + dir + " could not be opened", e);
        }
        link.start();
    }

    public boolean linkUp() {
        return link.isUp();
    }

    /** How many times the link has come up; above one, it was rebuilt after a drop or a silent echo. */
    public int linkConnections() {
        return link.connections();
    }

    /** Waits a little for the link, so the first charge after start does not find it still connecting. */
    public void awaitLink(Duration timeout) {
        try {
            if (!link.awaitUp(timeout)) {
                LOG.warn("the ISO 8583 link is not up yet; until it is, debits stay UNKNOWN and cards cannot be verified");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Uni<CardVerification> verifyCard(String pan, int expiryMonth, int expiryYear) {
        return call(() -> acquirer.verify(new CardData(pan, expiryMonth, expiryYear), "CNY")).map(answer -> {
            if (!(answer instanceof HostAnswer.Answered a)) {
                throw new BankUnavailableException("card verification got no answer from the acquirer");
            }
            String bin = pan.substring(0, 6);
            String last4 = pan.substring(pan.length() - 4);
            return switch (ResponseCode.ofIso(a.field39()).orElse(ResponseCode.DO_NOT_HONOUR)) {
                case APPROVED -> {
                    String[] about = a.additionalResponse() == null ? new String[0] : a.additionalResponse().split(";", 2);
                    yield new CardVerification(CardVerification.Result.VERIFIED, about.length > 0 ? about[0] : null,
                            about.length > 1 ? about[1] : null, bin, last4);
                }
                case CARD_NOT_FOUND -> new CardVerification(CardVerification.Result.CARD_NOT_FOUND, null, null, null, null);
                case EXPIRED_CARD -> new CardVerification(CardVerification.Result.EXPIRED, null, null, bin, last4);
                default -> throw new BankUnavailableException("card verification answered " + a.field39());
            };
        });
    }

    @Override
    public Uni<DebitOutcome> debit(DebitRequest r) {
        return call(() -> acquirer.purchase(r.idempotencyKey(), new CardData(r.pan(), r.expiryMonth(), r.expiryYear()),
                r.amount(), r.currency()))
                .<DebitOutcome>map(answer -> {
                    if (answer instanceof HostAnswer.Answered a) {
                        return a.approved() ? (DebitOutcome) new DebitOutcome.Approved(a.approvalCode(), a.rrn())
                                : new DebitOutcome.Declined(ResponseCode.declineCodeOf(a.field39()));
                    }
                    String why = ((HostAnswer.NoAnswer) answer).why();
                    LOG.warnf("debit %s: no answer from the acquirer (%s); the charge stays UNKNOWN", r.idempotencyKey(), why);
                    return new DebitOutcome.Unknown(why);
                })
                .onFailure(IllegalArgumentException.class).recoverWithItem(e -> new DebitOutcome.Unknown(e.getMessage()));
    }

    @Override
    public Uni<ReversalOutcome> reverse(String idempotencyKey) {
        return call(() -> acquirer.reverse(idempotencyKey)).map(result -> {
            if (result.status() == FollowUpResult.Status.NO_ORIGINAL || result.acknowledgedWith(ResponseCode.ORIGINAL_NOT_FOUND)) {
                return ReversalOutcome.NOTHING_TO_REVERSE;
            }
            if (result.acknowledgedWith(ResponseCode.APPROVED)) {
                return ReversalOutcome.REVERSED;
            }
            LOG.warnf("reversal %s: %s (39=%s); the janitor asks again with an 0421", idempotencyKey, result.status(), result.field39());
            return ReversalOutcome.FAILED;
        }).onFailure().recoverWithItem(ReversalOutcome.FAILED);
    }

    /**
     * A refund over ISO 8583 (0200, processing code 20, field 90 naming the charge's purchase) under the refund's own
     * key: a repeat, after no answer or a restart, is the same message (same STAN and RRN), which the host answers
     * as before, so it never pays twice. No answer leaves it UNKNOWN for the refund janitor to ask again.
     */
    @Override
    public Uni<RefundOutcome> refund(RefundRequest r) {
        return call(() -> acquirer.refund(r.idempotencyKey(), r.debitKey(), r.amount(), r.currency()))
                .<RefundOutcome>map(answer -> {
                    if (answer instanceof HostAnswer.Answered a) {
                        return a.approved() ? (RefundOutcome) new RefundOutcome.Succeeded(a.rrn()) : new RefundOutcome.Declined(refundDecline(a.field39()));
                    }
                    String why = ((HostAnswer.NoAnswer) answer).why();
                    LOG.warnf("refund %s: no answer from the acquirer (%s); it stays UNKNOWN and is asked again", r.idempotencyKey(), why);
                    return new RefundOutcome.Unknown(why);
                })
                // Nothing was sent: no purchase went out under the charge's key, or the refund's key names another amount.
                .onFailure(IllegalArgumentException.class).recoverWithItem(e -> new RefundOutcome.Declined(
                        e.getMessage() != null && e.getMessage().startsWith("no purchase") ? "DEBIT_NOT_FOUND" : "IDEMPOTENCY_KEY_REUSED"));
    }

    /** The host's refusals of a refund, in the words the HTTP bank uses for them (refunds read them alike). */
    private static String refundDecline(String field39) {
        return switch (ResponseCode.ofIso(field39).orElse(ResponseCode.DO_NOT_HONOUR)) {
            case ORIGINAL_NOT_FOUND -> "DEBIT_NOT_FOUND";
            case REVERSED_BEFORE_AUTHORISATION -> "DEBIT_NOT_REFUNDABLE";
            case AMOUNT_ABOVE_HOLD -> "REFUND_EXCEEDS_DEBIT";
            default -> ResponseCode.declineCodeOf(field39);
        };
    }

    @Override
    public Uni<HoldOutcome> authorize(HoldRequest r) {
        return call(() -> acquirer.authorize(r.idempotencyKey(), new CardData(r.pan(), r.expiryMonth(), r.expiryYear()),
                r.amount(), r.currency()))
                .<HoldOutcome>map(answer -> {
                    if (answer instanceof HostAnswer.Answered a) {
                        return a.approved() ? (HoldOutcome) new HoldOutcome.Held(a.approvalCode(), a.rrn())
                                : new HoldOutcome.Declined(ResponseCode.declineCodeOf(a.field39()));
                    }
                    return new HoldOutcome.Unknown(((HostAnswer.NoAnswer) answer).why());
                })
                .onFailure(IllegalArgumentException.class).recoverWithItem(e -> new HoldOutcome.Unknown(e.getMessage()));
    }

    @Override
    public Uni<CompletionOutcome> complete(CompletionRequest r) {
        return call(() -> acquirer.complete(r.idempotencyKey(), r.amount())).map(result -> switch (result.status()) {
            case NO_ORIGINAL -> (CompletionOutcome) new CompletionOutcome.Declined(ResponseCode.ORIGINAL_NOT_FOUND.declineCode());
            case NO_ANSWER -> new CompletionOutcome.Unknown("no acknowledgement yet");
            case ACKNOWLEDGED -> result.acknowledgedWith(ResponseCode.APPROVED) ? new CompletionOutcome.Completed()
                    : new CompletionOutcome.Declined(ResponseCode.declineCodeOf(result.field39()));
        });
    }

    @Override
    public Uni<VoidOutcome> voidHold(String idempotencyKey) {
        return call(() -> acquirer.voidHold(idempotencyKey)).map(result -> {
            if (result.status() == FollowUpResult.Status.NO_ORIGINAL || result.acknowledgedWith(ResponseCode.ORIGINAL_NOT_FOUND)) {
                return VoidOutcome.NOTHING_TO_VOID;
            }
            return result.acknowledgedWith(ResponseCode.APPROVED) ? VoidOutcome.VOIDED : VoidOutcome.FAILED;
        }).onFailure().recoverWithItem(VoidOutcome.FAILED);
    }

    /** Runs the call off the event loop and hands its result back on the caller's context. */
    private static <T> Uni<T> call(Supplier<CompletableFuture<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<T> uni = Uni.createFrom().completionStage(call).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            return caller == null ? uni : uni.emitOn(task -> caller.runOnContext(v -> task.run()));
        });
    }

    @PreDestroy
    void close() {
        link.close();
        try {
            log.close();
        } catch (IOException e) {
            LOG.warn("the ISO 8583 transaction log did not close cleanly", e);
        }
    }
}
