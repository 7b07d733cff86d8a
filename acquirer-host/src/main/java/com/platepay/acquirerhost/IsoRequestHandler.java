package com.platepay.acquirerhost;

import com.platepay.acquirerhost.HostBook.Answer;
import com.platepay.acquirerhost.HostBook.Reference;
import com.platepay.acquirerhost.HostBook.Request;
import com.platepay.acquirerhost.HostFaults.On;
import com.platepay.acquirerhost.HostFaults.Rule;
import com.platepay.iso8583.AcquirerMessages;
import com.platepay.iso8583.Currencies;
import com.platepay.iso8583.Fields;
import com.platepay.iso8583.Mti;
import com.platepay.iso8583.OriginalData;
import com.platepay.iso8583.ResponseCode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jpos.iso.ISOChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISORequestListener;
import org.jpos.iso.ISOSource;

/**
 * Answers each request on the host's jPOS ISOServer. Work is handed to a pool at once, so a request held back by
 * a fault never delays the others on the same connection. Logs one line per message: MTI, STAN, terminal, field
 * 39 (never a card number).
 */
final class IsoRequestHandler implements ISORequestListener {
    private final HostBook book;
    private final HostFaults faults;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final PrintStream log;

    IsoRequestHandler(HostBook book, HostFaults faults, ExecutorService workers, ScheduledExecutorService timers, PrintStream log) {
        this.book = book;
        this.faults = faults;
        this.workers = workers;
        this.timers = timers;
        this.log = log;
    }

    @Override
    public boolean process(ISOSource source, ISOMsg request) {
        workers.execute(() -> handle(source, request));
        return true;
    }

    private void handle(ISOSource source, ISOMsg request) {
        try {
            String mti = request.getMTI();
            On kind = kindOf(mti, request);
            Rule rule = kind == null ? null : faults.take(kind);
            if (rule != null && rule.mode() == HostFaults.Mode.DROP_LINK) {
                log("DROPPED", request, null);
                if (source instanceof ISOChannel channel) {
                    channel.disconnect();
                }
                return;
            }
            if (rule != null && rule.mode() == HostFaults.Mode.RESPOND) {
                reply(source, request, new Answer(rule.responseCode(), null, null), 0, "ANSWERED");
                return;
            }
            if (rule != null && rule.mode() == HostFaults.Mode.LATE_ARRIVAL) {
                Thread.sleep(rule.delayMs());
            }
            if (kind != On.ECHO && faults.latencyMs() > 0) {
                Thread.sleep(faults.latencyMs());
            }
            Answer answer = answer(mti, request);
            if (rule != null && rule.mode() == HostFaults.Mode.NO_ANSWER) {
                log("UNANSWERED", request, answer.responseCode());
                return;
            }
            long delay = rule != null && rule.mode() == HostFaults.Mode.LATE_ANSWER ? rule.delayMs() : 0;
            String label = delay > 0 ? "LATE" : rule != null && rule.mode() == HostFaults.Mode.LATE_ARRIVAL ? "ARRIVED_LATE" : "ANSWERED";
            reply(source, request, answer, delay, label);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ISOException | IOException | RuntimeException e) {
            log.println(Instant.now() + " request failed: " + e.getClass().getSimpleName());
        }
    }

    /** Which fault rules a message is subject to; null for types the host does not speak. */
    private static On kindOf(String mti, ISOMsg request) {
        return switch (Mti.requestOf(mti)) {
            case Mti.FINANCIAL -> AcquirerMessages.isRefund(request) ? On.REFUND : On.PURCHASE;
            case Mti.AUTHORIZATION -> On.AUTHORIZATION;
            case Mti.COMPLETION_ADVICE -> On.COMPLETION;
            case Mti.REVERSAL_REQUEST -> On.VOID;
            case Mti.REVERSAL_ADVICE -> On.REVERSAL;
            case Mti.NETWORK -> On.ECHO;
            default -> null;
        };
    }

    private Answer answer(String mti, ISOMsg m) {
        switch (Mti.requestOf(mti)) {
            case Mti.NETWORK:
                return Answer.of(ResponseCode.APPROVED);
            case Mti.FINANCIAL:
                if (AcquirerMessages.isRefund(m)) {
                    // Field 37 is the refund's own RRN; field 90 names the purchase (found by terminal, STAN, field 7).
                    OriginalData purchase = OriginalData.parse(m.getString(Fields.ORIGINAL_DATA));
                    return book.refund(request(m), new Reference(m.getString(Fields.TERMINAL_ID), purchase.stan(),
                            purchase.transmissionDateTime(), null));
                }
                return book.take(HostTransaction.PURCHASE, request(m));
            case Mti.AUTHORIZATION:
                if ("51".equals(m.getString(Fields.POS_CONDITION))) {
                    return book.verify(m.getString(Fields.PAN), m.getString(Fields.EXPIRY), currency(m));
                }
                return book.take(HostTransaction.HOLD, request(m));
            case Mti.COMPLETION_ADVICE:
                return book.complete(reference(m), Long.parseLong(m.getString(Fields.AMOUNT)));
            case Mti.REVERSAL_REQUEST:
            case Mti.REVERSAL_ADVICE:
                return book.undo(reference(m));
            default:
                return Answer.of(ResponseCode.FORMAT_ERROR);
        }
    }

    private static Request request(ISOMsg m) {
        return new Request(m.getString(Fields.TERMINAL_ID), m.getString(Fields.STAN), m.getString(Fields.LOCAL_DATE),
                m.getString(Fields.TRANSMISSION_DATE_TIME), m.getString(Fields.RRN), m.getString(Fields.PAN),
                m.getString(Fields.EXPIRY), Long.parseLong(m.getString(Fields.AMOUNT)), currency(m));
    }

    private static Reference reference(ISOMsg m) {
        OriginalData original = OriginalData.parse(m.getString(Fields.ORIGINAL_DATA));
        return new Reference(m.getString(Fields.TERMINAL_ID), original.stan(), original.transmissionDateTime(),
                m.getString(Fields.RRN));
    }

    private static String currency(ISOMsg m) {
        String alphabetic = Currencies.alphabetic(m.getString(Fields.CURRENCY));
        return alphabetic == null ? "?" + m.getString(Fields.CURRENCY) : alphabetic;
    }

    private void reply(ISOSource source, ISOMsg request, Answer answer, long delayMs, String label) throws ISOException {
        ISOMsg response = (ISOMsg) request.clone();
        response.setResponseMTI();
        response.unset(Fields.PAN, Fields.EXPIRY);
        response.set(Fields.RESPONSE_CODE, answer.responseCode());
        if (answer.approvalCode() != null) {
            response.set(Fields.APPROVAL_CODE, answer.approvalCode());
        }
        if (answer.additionalResponse() != null) {
            response.set(Fields.ADDITIONAL_RESPONSE, answer.additionalResponse());
        }
        Runnable send = () -> {
            try {
                source.send(response);
                log(label, request, answer.responseCode());
            } catch (IOException | ISOException e) {
                log("UNDELIVERED", request, answer.responseCode());
            }
        };
        if (delayMs > 0) {
            timers.schedule(send, delayMs, TimeUnit.MILLISECONDS);
        } else {
            send.run();
        }
    }

    private void log(String what, ISOMsg m, String field39) {
        String mti;
        try {
            mti = m.getMTI();
        } catch (ISOException e) {
            mti = "????";
        }
        log.println(Instant.now() + " " + mti + " stan " + m.getString(Fields.STAN) + " terminal "
                + m.getString(Fields.TERMINAL_ID) + " " + what + (field39 == null ? "" : " 39=" + field39));
    }
}
