package com.platepay.demo;

import com.platepay.vault.Card;
import com.platepay.vault.CardVault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Enrols a large synthetic fleet quickly (platepay.fleet.bulk=true, for the benchmark's 10^6 vehicles): each plate
 * its own driver, card and ACTIVE GAS mandate, written in batches of {@link #BATCH} rows per table with one
 * {@code unnest} insert per table, one transaction per batch. Cards are sealed by the vault but not verified with the
 * bank: the benchmark's simulated bank opens fleet accounts on first use. Bank accounts are not listed.
 */
@ApplicationScoped
public class FleetBulkSeeder {

    static final int BATCH = 2_000;

    private static final String DRIVERS = """
            insert into drivers (id, subject, display_name, created_at)
            select * from unnest($1::uuid[], $2::varchar[], $2::varchar[], $3::timestamptz[])""";
    /**
     * Synthetic benchmark vehicles are written approved, with no proof: a million photos reviewed one by one is not a
     * benchmark's job (the other seeders go through review, see enrollment.SeededVerification). Bulk mode exists only
     * for benchmark stacks; nothing else can make an approved vehicle without a reviewer.
     */
    private static final String VEHICLES = """
            insert into vehicles (id, driver_id, plate, colour, created_at, verification, verified_at)
            select id, driver_id, plate, colour, at, 'APPROVED', at
            from unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::timestamptz[]) as v (id, driver_id, plate, colour, at)""";
    private static final String CARDS = """
            insert into cards (id, driver_id, pan_ciphertext, pan_fingerprint, bin, last4, bank_name, card_type, expiry_month,
                               expiry_year, holder_name, status, created_at)
            select * from unnest($1::uuid[], $2::uuid[], $3::bytea[], $4::varchar[], $5::varchar[], $6::char(4)[], $7::varchar[],
                                 $8::varchar[], $9::int[], $10::int[], $11::varchar[], $12::varchar[], $13::timestamptz[])""";
    private static final String MANDATES = """
            insert into mandates (id, driver_id, vehicle_id, card_id, plate, colour, allow_gas, allow_parking, per_charge_cap,
                                  daily_cap, currency, status, consent_text, consented_at, created_at, updated_at)
            select id, driver_id, vehicle_id, card_id, plate, 'BLUE', true, false, per_charge_cap, daily_cap, 'CNY', 'ACTIVE',
                   'Synthetic fleet mandate for benchmarks', at, at, at
            from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::varchar[], $6::bigint[], $7::bigint[], $8::timestamptz[])
                 as m (id, driver_id, vehicle_id, card_id, plate, per_charge_cap, daily_cap, at)""";

    private final Pool pool;
    private final CardVault vault;

    public FleetBulkSeeder(Pool pool, CardVault vault) {
        this.pool = pool;
        this.vault = vault;
    }

    /** One batch of plates, each with its own driver, card and mandate, in one transaction. */
    Uni<Void> seedBatch(List<FleetSeeder.PlateRow> plates) {
        int n = plates.size();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> driverIds = new ArrayList<>(n);
        List<String> subjects = new ArrayList<>(n);
        List<OffsetDateTime> at = new ArrayList<>(n);
        List<UUID> vehicleIds = new ArrayList<>(n);
        List<String> plateTexts = new ArrayList<>(n);
        List<String> colours = new ArrayList<>(n);
        List<Card> cards = new ArrayList<>(n);
        List<UUID> mandateIds = new ArrayList<>(n);
        List<Long> perCharge = new ArrayList<>(n);
        List<Long> daily = new ArrayList<>(n);
        for (FleetSeeder.PlateRow p : plates) {
            UUID driver = UUID.randomUUID();
            driverIds.add(driver);
            subjects.add("fleet-driver-" + p.driver());
            at.add(now);
            vehicleIds.add(UUID.randomUUID());
            plateTexts.add(p.plate());
            colours.add(p.colour());
            cards.add(vault.unverifiedFleetCard(driver, FleetSeeder.pan(p.card()), 12, 2035, "Fleet Driver " + p.driver()));
            mandateIds.add(UUID.randomUUID());
            perCharge.add(p.perChargeCap());
            daily.add(p.dailyCap());
        }
        List<UUID> cardIds = cards.stream().map(c -> c.id).toList();
        return pool.withTransaction(tx -> run(tx, DRIVERS, Tuple.of(driverIds.toArray(UUID[]::new), subjects.toArray(String[]::new),
                        at.toArray(OffsetDateTime[]::new)))
                .flatMap(x -> run(tx, VEHICLES, Tuple.of(vehicleIds.toArray(UUID[]::new), driverIds.toArray(UUID[]::new),
                        plateTexts.toArray(String[]::new), colours.toArray(String[]::new), at.toArray(OffsetDateTime[]::new))))
                .flatMap(x -> run(tx, CARDS, Tuple.from(List.of(cardIds.toArray(UUID[]::new), driverIds.toArray(UUID[]::new),
                        cards.stream().map(c -> io.vertx.core.buffer.Buffer.buffer(c.panCiphertext)).toArray(io.vertx.core.buffer.Buffer[]::new),
                        cards.stream().map(c -> c.panFingerprint).toArray(String[]::new),
                        cards.stream().map(c -> c.bin).toArray(String[]::new), cards.stream().map(c -> c.last4).toArray(String[]::new),
                        cards.stream().map(c -> c.bankName).toArray(String[]::new), cards.stream().map(c -> c.cardType).toArray(String[]::new),
                        cards.stream().map(c -> c.expiryMonth).toArray(Integer[]::new), cards.stream().map(c -> c.expiryYear).toArray(Integer[]::new),
                        cards.stream().map(c -> c.holderName).toArray(String[]::new), cards.stream().map(c -> c.status).toArray(String[]::new),
                        at.toArray(OffsetDateTime[]::new)))))
                .flatMap(x -> run(tx, MANDATES, Tuple.from(List.of(mandateIds.toArray(UUID[]::new), driverIds.toArray(UUID[]::new),
                        vehicleIds.toArray(UUID[]::new), cardIds.toArray(UUID[]::new), plateTexts.toArray(String[]::new),
                        perCharge.toArray(Long[]::new), daily.toArray(Long[]::new), at.toArray(OffsetDateTime[]::new))))));
    }

    private static Uni<Void> run(SqlClient tx, String sql, Tuple params) {
        return tx.preparedQuery(sql).execute(params).replaceWithVoid();
    }
}
