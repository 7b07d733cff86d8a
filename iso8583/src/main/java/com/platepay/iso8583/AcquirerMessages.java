package com.platepay.iso8583;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jpos.iso.ISOMsg;

/** Builds the requests PlatePay sends, each with its STAN, RRN and dates. */
public final class AcquirerMessages {
    private static final DateTimeFormatter TRANSMISSION = DateTimeFormatter.ofPattern("MMddHHmmss");
    private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("MMdd");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final String PROCESSING_PURCHASE = "000000";
    /** Transaction type 20, "credits (for refund)", from and to the default account (00, 00). */
    private static final String PROCESSING_REFUND = "200000";
    /** Credential on file, no PIN: the card number comes from the vault, not a card reader. */
    private static final String ENTRY_CREDENTIAL_ON_FILE = "102";
    private static final String CONDITION_NORMAL = "00";
    private static final String CONDITION_PREAUTHORIZATION = "06";
    private static final String CONDITION_ACCOUNT_VERIFICATION = "51";
    private static final String NETWORK_ECHO = "301";

    private final Terminal terminal;
    private final StanSequence stans;
    private final Clock clock;

    public AcquirerMessages(Terminal terminal, StanSequence stans, Clock clock) {
        this.terminal = terminal;
        this.stans = stans;
        this.clock = clock;
    }

    public Terminal terminal() {
        return terminal;
    }

    /** A new message identity: the next STAN and an RRN and dates from now. */
    public SentMessage identity(String mti, long amount, String currency) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(terminal.zone()));
        String stan = stans.next();
        return new SentMessage(mti, stan, Rrn.of(now, stan), TRANSMISSION.format(now.withZoneSameInstant(ZoneOffset.UTC)),
                LOCAL_DATE.format(now), LOCAL_TIME.format(now), amount, currency);
    }

    /** The same message again under a repeat MTI (0221, 0401, 0421): same STAN, so the host sees a repeat. */
    public static SentMessage repeat(SentMessage sent, String repeatMti) {
        return new SentMessage(repeatMti, sent.stan(), sent.rrn(), sent.transmissionDateTime(), sent.localDate(),
                sent.localTime(), sent.amount(), sent.currency());
    }

    public ISOMsg purchase(SentMessage id, CardData card) {
        ISOMsg m = base(id);
        m.set(Fields.PAN, card.pan());
        m.set(Fields.EXPIRY, card.expiryYymm());
        m.set(Fields.POS_CONDITION, CONDITION_NORMAL);
        return m;
    }

    /**
     * A refund (0200, processing code 20): its own STAN and RRN (field 37), the amount given back in field 4, and
     * field 90 naming the purchase it refunds, whose card the host credits (PlatePay sends no card number again).
     */
    public ISOMsg refund(SentMessage id, SentMessage purchase) {
        ISOMsg m = base(id);
        m.set(Fields.PROCESSING_CODE, PROCESSING_REFUND);
        m.set(Fields.POS_CONDITION, CONDITION_NORMAL);
        m.set(Fields.ORIGINAL_DATA, new OriginalData(purchase.mti(), purchase.stan(), purchase.transmissionDateTime(),
                terminal.acquirerId()).field90());
        return m;
    }

    /** Whether a 0200 is a refund (processing code 20xxxx) rather than a purchase. */
    public static boolean isRefund(ISOMsg m) {
        String code = m.getString(Fields.PROCESSING_CODE);
        return code != null && code.startsWith("20");
    }

    /** A hold (0100); with amount zero and {@code verification}, an account verification. */
    public ISOMsg authorization(SentMessage id, CardData card, boolean verification) {
        ISOMsg m = base(id);
        m.set(Fields.PAN, card.pan());
        m.set(Fields.EXPIRY, card.expiryYymm());
        m.set(Fields.POS_CONDITION, verification ? CONDITION_ACCOUNT_VERIFICATION : CONDITION_PREAUTHORIZATION);
        return m;
    }

    /** 0220/0221 for a hold: the final amount in field 4, the hold's RRN and approval code, field 90 to it. */
    public ISOMsg completion(SentMessage id, SentMessage hold, String holdApprovalCode) {
        ISOMsg m = pointingBack(id, hold);
        m.set(Fields.POS_CONDITION, CONDITION_PREAUTHORIZATION);
        if (holdApprovalCode != null) {
            m.set(Fields.APPROVAL_CODE, holdApprovalCode);
        }
        return m;
    }

    /** 0400/0401 (void a hold) or 0420/0421 (reverse a purchase): the original's amount, RRN and field 90. */
    public ISOMsg reversal(SentMessage id, SentMessage original) {
        return pointingBack(id, original);
    }

    public ISOMsg echo(SentMessage id) {
        ISOMsg m = new ISOMsg(id.mti());
        m.set(Fields.TRANSMISSION_DATE_TIME, id.transmissionDateTime());
        m.set(Fields.STAN, id.stan());
        m.set(Fields.TERMINAL_ID, terminal.terminalId());
        m.set(Fields.NETWORK_CODE, NETWORK_ECHO);
        return m;
    }

    private ISOMsg pointingBack(SentMessage id, SentMessage original) {
        ISOMsg m = base(id);
        m.set(Fields.RRN, original.rrn());
        m.set(Fields.ORIGINAL_DATA, new OriginalData(original.mti(), original.stan(), original.transmissionDateTime(),
                terminal.acquirerId()).field90());
        return m;
    }

    private ISOMsg base(SentMessage id) {
        ISOMsg m = new ISOMsg(id.mti());
        m.set(Fields.PROCESSING_CODE, PROCESSING_PURCHASE);
        m.set(Fields.AMOUNT, String.format("%012d", id.amount()));
        m.set(Fields.TRANSMISSION_DATE_TIME, id.transmissionDateTime());
        m.set(Fields.STAN, id.stan());
        m.set(Fields.LOCAL_TIME, id.localTime());
        m.set(Fields.LOCAL_DATE, id.localDate());
        m.set(Fields.POS_ENTRY_MODE, ENTRY_CREDENTIAL_ON_FILE);
        m.set(Fields.ACQUIRER_ID, terminal.acquirerId());
        m.set(Fields.RRN, id.rrn());
        m.set(Fields.TERMINAL_ID, terminal.terminalId());
        m.set(Fields.MERCHANT_ID, terminal.paddedMerchantId());
        m.set(Fields.CURRENCY, Currencies.numeric(id.currency()));
        return m;
    }
}
