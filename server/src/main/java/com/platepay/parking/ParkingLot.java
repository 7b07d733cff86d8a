package com.platepay.parking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/** A PARKING site's tariff and policies. */
@Entity
@Table(name = "parking_lots")
public class ParkingLot extends PanacheEntityBase {

    /** What the lot does when a debit at the exit is declined. */
    public enum DeclinePolicy {
        /** Open, and record the debt (the driver settles it later). */
        OPEN_ARREARS,
        /** Keep the barrier closed and ask for another payment. */
        KEEP_CLOSED
    }

    @Id
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "time_zone")
    public String timeZone;
    public String currency;
    @Column(name = "free_minutes")
    public int freeMinutes;
    @Column(name = "first_period_minutes")
    public int firstPeriodMinutes;
    @Column(name = "first_period_price")
    public long firstPeriodPrice;
    @Column(name = "period_minutes")
    public int periodMinutes;
    @Column(name = "period_price")
    public long periodPrice;
    @Column(name = "daily_cap")
    public Long dailyCap;
    @Column(name = "night_start")
    public LocalTime nightStart;
    @Column(name = "night_end")
    public LocalTime nightEnd;
    @Column(name = "night_price")
    public Long nightPrice;
    @Column(name = "grace_minutes")
    public int graceMinutes;
    @Column(name = "lost_ticket_price")
    public Long lostTicketPrice;
    @Enumerated(EnumType.STRING)
    @Column(name = "decline_policy")
    public DeclinePolicy declinePolicy;
    @Column(name = "max_debit_attempts")
    public int maxDebitAttempts;
    @Column(name = "repeat_window_secs")
    public int repeatWindowSecs;

    public Tariff tariff() {
        return new Tariff(freeMinutes, firstPeriodMinutes, firstPeriodPrice, periodMinutes, periodPrice, dailyCap, nightStart,
                nightEnd, nightPrice, graceMinutes);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
