package com.platepay.holds;

import com.platepay.charging.DailyCaps;
import com.platepay.ledger.Ledger;
import com.platepay.notifications.DriverNotifier;
import com.platepay.platform.ConditionalUpdate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The database side of holds, every statement on the current Panache session (so it must run in a transaction):
 * the caps a hold reserves and gives back, the moves of {@link HoldStateMachine}, the charge a completion records,
 * and the ledger postings, each of which sums to zero: a hold placed is a memo pair (the card holds it for us, we
 * owe it to the operator once taken), released when the hold ends; what a completion takes is posted like any
 * approved charge (the acquirer owes us, we owe the operator).
 */
@ApplicationScoped
public class HoldStore {

    private final DailyCaps caps;

    public HoldStore(DailyCaps caps) {
        this.caps = caps;
    }

    /** Memo accounts of money held at the bank and not yet taken; they sum to zero over a hold's life. */
    static final String HELD_AT_BANK = "holds:held-at-bank";
    static final String HELD_FOR_OPERATORS = "holds:held-for-operators";

    private static final String INSERT = """
            insert into holds (id, check_id, device_id, site_id, operator_id, mandate_id, driver_id, card_id, card_fingerprint,
                               masked_card, plate, colour, amount, currency, unit_price, business_day, status, expires_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, cast(?16 as date), 'PLACING',
                    now() + interval '1 second' * cast(?17 as integer))""";

    private static final String INSERT_CHARGE = """
            insert into charges (id, device_id, charge_ref, site_id, request_hash, plate, plate_colour, amount, currency,
                                 volume_milli, volume_unit, unit_price, pump, attendant, captured_at, business_day,
                                 mandate_id, driver_id, card_id, masked_card, status, reason_code, approval_code, bank_reference,
                                 created_at, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, cast(?16 as date), ?17, ?18, ?19, ?20, ?21, ?22,
                    ?23, ?24, now(), now())""";

    private static final String POSTING = "insert into ledger_postings (id, charge_id, hold_id, kind, created_at) values (?1, ?2, ?3, ?4, now())";
    private static final String ENTRY = "insert into ledger_entries (posting_id, account, amount, currency) values (?1, ?2, cast(?3 as bigint), ?4)";
    private static final String NOTIFY = "insert into notifications (id, driver_id, charge_id, kind, title, body, created_at) values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, now())";

    /** A new hold before the bank call: its values and what it may reserve. */
    record NewHold(UUID id, UUID checkId, UUID deviceId, UUID siteId, UUID operatorId, UUID mandateId, UUID driverId, UUID cardId,
                   String cardFingerprint, String maskedCard, String plate, String colour, long amount, String currency, long unitPrice,
                   LocalDate day, int holdSeconds, long cardCap, long driverCap) {
    }

    /** Reserves the amount under both caps and stores the hold as PLACING; false (nothing stored) when a cap has no room. */
    Uni<Boolean> insert(NewHold h) {
        return caps.reserve(h.cardFingerprint(), h.driverId(), h.day(), h.amount(), h.cardCap(), h.driverCap()).flatMap(reserved -> !reserved
                ? Uni.createFrom().item(false)
                : Panache.getSession().flatMap(s -> s.createNativeQuery(INSERT)
                        .setParameter(1, h.id()).setParameter(2, h.checkId()).setParameter(3, h.deviceId()).setParameter(4, h.siteId())
                        .setParameter(5, h.operatorId()).setParameter(6, h.mandateId()).setParameter(7, h.driverId())
                        .setParameter(8, h.cardId()).setParameter(9, h.cardFingerprint()).setParameter(10, h.maskedCard())
                        .setParameter(11, h.plate()).setParameter(12, h.colour()).setParameter(13, h.amount())
                        .setParameter(14, h.currency()).setParameter(15, h.unitPrice()).setParameter(16, h.day())
                        .setParameter(17, h.holdSeconds()).executeUpdate()).replaceWith(true));
    }

    /** Gives {@code amount} of the hold's reservation back under both caps. */
    Uni<Void> release(Hold h, long amount) {
        return caps.release(h.cardFingerprint, h.driverId, h.businessDay, amount);
    }

    static ConditionalUpdate move(Hold h, HoldStatus to) {
        HoldStateMachine.require(h.status, to);
        return ConditionalUpdate.of("holds", h.id, h.status, to);
    }

    /** When the janitor looks at the hold next. */
    static ConditionalUpdate due(ConditionalUpdate move, Duration in) {
        return move.setFromNow("next_check_at", in);
    }

    /** The memo pair of a hold placed ({@code sign} 1) or released ({@code sign} -1). */
    Uni<Void> postHold(Hold h, String kind, int sign) {
        return post(null, h.id, kind, List.of(new Entry(HELD_AT_BANK, sign * h.amount), new Entry(HELD_FOR_OPERATORS, -sign * h.amount)),
                h.currency);
    }

    /** A completion's debit, posted like an approved charge's. */
    Uni<Void> postCaptured(Hold h, UUID chargeId, long captured) {
        return post(chargeId, h.id, "CHARGE_APPROVED", List.of(new Entry(Ledger.ACQUIRER_RECEIVABLE, captured),
                new Entry(Ledger.operatorPayable(h.operatorId), -captured)), h.currency);
    }

    /** Records the charge that named the hold, as the bank's answer left it (APPROVED or DECLINED). */
    Uni<Void> insertCharge(UUID chargeId, Hold h, HoldCharge c, String status, String reason, String approvalCode, String bankReference) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(INSERT_CHARGE)
                .setParameter(1, chargeId).setParameter(2, h.deviceId).setParameter(3, c.chargeRef()).setParameter(4, h.siteId)
                .setParameter(5, c.requestHash()).setParameter(6, c.plate()).setParameter(7, c.colour() != null ? c.colour() : h.colour)
                .setParameter(8, c.amount()).setParameter(9, c.currency()).setParameter(10, c.volumeMilli())
                .setParameter(11, c.volumeUnit()).setParameter(12, c.unitPrice()).setParameter(13, c.pump())
                .setParameter(14, c.attendant()).setParameter(15, c.capturedAt().atOffset(java.time.ZoneOffset.UTC))
                .setParameter(16, h.businessDay).setParameter(17, h.mandateId).setParameter(18, h.driverId).setParameter(19, h.cardId)
                .setParameter(20, h.maskedCard).setParameter(21, status).setParameter(22, reason).setParameter(23, approvalCode)
                .setParameter(24, bankReference).executeUpdate()).replaceWithVoid();
    }

    Uni<Void> notify(Hold h, UUID chargeId, DriverNotifier.Text text) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(NOTIFY).setParameter(1, h.driverId).setParameter(2, chargeId)
                .setParameter(3, text.kind()).setParameter(4, text.title()).setParameter(5, text.body()).executeUpdate()).replaceWithVoid();
    }

    record Entry(String account, long amount) {
    }

    private Uni<Void> post(UUID chargeId, UUID holdId, String kind, List<Entry> entries, String currency) {
        UUID posting = UUID.randomUUID();
        Uni<Integer> chain = Panache.getSession().flatMap(s -> s.createNativeQuery(POSTING).setParameter(1, posting)
                .setParameter(2, chargeId).setParameter(3, holdId).setParameter(4, kind).executeUpdate());
        for (Entry e : entries) {
            chain = chain.flatMap(x -> Panache.getSession().flatMap(s -> s.createNativeQuery(ENTRY).setParameter(1, posting)
                    .setParameter(2, e.account()).setParameter(3, e.amount()).setParameter(4, currency).executeUpdate()));
        }
        return chain.replaceWithVoid();
    }
}
