package com.platepay.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.platepay.enrollment.Driver;
import com.platepay.audit.Actor;
import com.platepay.enrollment.MandateService;
import com.platepay.enrollment.SeededVerification;
import com.platepay.enrollment.Vehicle;
import com.platepay.mqtt.MqttGateway;
import com.platepay.mqtt.ServerIdentity;
import com.platepay.platform.PlatePayConfig;
import com.platepay.platform.ReactiveContext;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.cylinder.FillCodes;
import com.platepay.sites.Device;
import com.platepay.sites.DeviceCredentials;
import com.platepay.sites.Operator;
import com.platepay.sites.OperatorMember;
import com.platepay.sites.Site;
import com.platepay.sites.SiteCategory;
import com.platepay.vault.Card;
import com.platepay.vault.CardVault;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.jboss.logging.Logger;

/**
 * Seeds a synthetic fleet for load and fault runs (only with platepay.fleet.enabled=true): one operator with GAS
 * sites and {@code devices} handhelds, and {@code plates} enrolled plates, each bound by a mandate to a debit card
 * with money at the simulated bank. Writes what a load generator needs to {@code platepay.fleet.dir}:
 * {@code devices/<id>.json} (a handheld's credentials, as the handheld simulator reads them; 0600), {@code plates.csv}
 * and {@code bank-accounts.txt} (the bank's account ids, no card numbers).
 *
 * <p>The topology puts pressure on caps beyond one mandate (unless {@code shared-cards=false}): every 10th driver
 * binds two plates to one card, and every 10th driver (offset 5) binds the same physical card as the driver before. Drivers have no Keycloak
 * account (their subject is synthetic): charges over MQTT do not need one. Runs once per database: a restart
 * finds the fleet operator and keeps what is there.
 */
@ApplicationScoped
public class FleetSeeder {

    private static final Logger LOG = Logger.getLogger(FleetSeeder.class);
    static final String OPERATOR_SUBJECT = "fleet-operator";
    static final int SITES = 4;
    /** Daily caps cycle through these; the per-charge cap is the smaller of the cap and the password-free limit. */
    static final long[] DAILY_CAPS = {30_000, 50_000, 100_000};

    private final CardVault vault;
    private final MandateService mandates;
    private final ReactiveContext reactive;
    private final Vertx vertx;
    private final ServerIdentity server;
    private final PlatePayConfig config;

    private final Settings fleet;
    private final FleetBulkSeeder bulk;
    private final SeededVerification verification;

    /** The name the fleet's own proof approvals are audited under. */
    static final Actor SEEDER = Actor.system("fleet-seeder");

    /** platepay.fleet.*: its own mapping, so the fleet needs nothing in PlatePayConfig. */
    @ConfigMapping(prefix = "platepay.fleet")
    public interface Settings {
        @WithDefault("false")
        boolean enabled();

        /** Where the device files, plates.csv and bank-accounts.txt go. */
        @WithDefault(".platepay/fleet")
        String dir();

        @WithDefault("20")
        int devices();

        @WithDefault("200")
        int plates();

        /**
         * Whether some drivers bind two plates to one card and some cards are bound by two drivers (caps beyond one
         * mandate); false gives every plate its own driver and card.
         */
        @WithDefault("true")
        boolean sharedCards();

        /**
         * Seed plates in batches without opening bank accounts one by one (for 10^5-10^6 vehicles): every plate its own
         * driver and card, and the bank opens the fleet's accounts on first use (bank simulator --fleet-accounts).
         */
        @WithDefault("false")
        boolean bulk();

        /**
         * Whether each plate gets an active CNG cylinder and the stations a unit price, so that a cylinder-check places a
         * hold that the charge naming it completes (the fault suite's fills).
         */
        @WithDefault("false")
        boolean cylinders();

        /**
         * With cylinders: whether every fleet vehicle has filled at every fleet station before (a cylinder-check a day
         * ago), so each station's handheld allow-list, which holds its regulars, lists them from the start (the fault
         * suite's offline vouchers).
         */
        @WithDefault("false")
        boolean regulars();

        /** With cylinders: how long a hold waits for its charge before the janitor voids it. */
        @WithDefault("60")
        int holdSeconds();

        /** Opening balance of each card's bank account, in fen. */
        @WithDefault("100000000")
        long balance();
    }

    public FleetSeeder(CardVault vault, MandateService mandates, ReactiveContext reactive, Vertx vertx, ServerIdentity server,
                       PlatePayConfig config, Settings fleet, FleetBulkSeeder bulk, SeededVerification verification) {
        this.bulk = bulk;
        this.verification = verification;
        this.vault = vault;
        this.mandates = mandates;
        this.reactive = reactive;
        this.vertx = vertx;
        this.server = server;
        this.config = config;
        this.fleet = fleet;
    }

    /** One plate of the fleet as plates.csv lists it. */
    record PlateRow(String plate, String colour, int driver, int card, long perChargeCap, long dailyCap) {
    }

    /** After the gateway, so the broker is up when the device files appear. */
    void seed(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event,
              MqttGateway gateway) throws Exception {
        if (!fleet.enabled()) {
            return;
        }
        Path out = Path.of(fleet.dir());
        int deviceCount = fleet.devices();
        int plateCount = fleet.plates();
        Long existing = await(() -> Panache.withSession(() -> Operator.count("ownerSubject", OPERATOR_SUBJECT)));
        if (existing > 0) {
            LOG.infof("fleet already seeded; files in %s", out.toAbsolutePath());
            return;
        }
        Files.createDirectories(out.resolve("devices"));
        List<Site> sites = await(() -> Panache.withTransaction(this::seedSites));
        for (int i = 0; i < deviceCount; i++) {
            Site site = sites.get(i % sites.size());
            int n = i;
            await(() -> Panache.withTransaction(() -> seedDevice(site, n, out)));
        }
        if (fleet.bulk()) {
            seedInBulk(out, plateCount);
            return;
        }
        WebClient http = WebClient.create(vertx);
        List<String> rows = new ArrayList<>(List.of("plate,colour,driver,card,perChargeCap,dailyCap"));
        List<String> accounts = new ArrayList<>();
        try {
            for (int d = 0; d < plateCount; ) {
                int driverNo = d;
                boolean twoPlates = fleet.sharedCards() && driverNo % 10 == 0 && d + 1 < plateCount;
                boolean sharesCard = fleet.sharedCards() && driverNo % 10 == 5;
                int cardNo = sharesCard ? driverNo - 1 : driverNo;
                String pan = pan(cardNo);
                if (!sharesCard) {
                    accounts.add(openAccount(http, pan, driverNo));
                }
                CardVault.VerifiedCard verified = await(() -> vault.verify(new CardVault.NewCard(pan, 12, 2035, "Fleet Driver " + driverNo)));
                List<PlateRow> plates = new ArrayList<>();
                plates.add(plateRow(d, driverNo, cardNo));
                if (twoPlates) {
                    plates.add(plateRow(d + 1, driverNo, cardNo));
                }
                await(() -> seedDriver(driverNo, verified, plates));
                plates.forEach(p -> rows.add(String.join(",", p.plate(), p.colour(), String.valueOf(p.driver()),
                        String.valueOf(p.card()), String.valueOf(p.perChargeCap()), String.valueOf(p.dailyCap()))));
                d += plates.size();
            }
        } finally {
            http.close();
        }
        if (fleet.cylinders()) {
            await(() -> Panache.withTransaction(this::seedCylinders));
            if (fleet.regulars()) {
                await(() -> Panache.withTransaction(this::seedRegulars));
            }
        }
        writePrivately(out.resolve("bank-accounts.txt"), String.join("\n", accounts) + "\n");
        writePrivately(out.resolve("plates.csv"), String.join("\n", rows) + "\n");
        LOG.infof("fleet seeded: %d handhelds, %d plates, %d cards; files in %s", deviceCount, rows.size() - 1,
                accounts.size(), out.toAbsolutePath());
    }

    private void seedInBulk(Path out, int plateCount) throws Exception {
        List<String> rows = new ArrayList<>(List.of("plate,colour,driver,card,perChargeCap,dailyCap"));
        long started = System.nanoTime();
        for (int from = 0; from < plateCount; from += FleetBulkSeeder.BATCH) {
            List<PlateRow> batch = new ArrayList<>();
            for (int d = from; d < Math.min(plateCount, from + FleetBulkSeeder.BATCH); d++) {
                batch.add(plateRow(d, d, d));
            }
            await(() -> bulk.seedBatch(batch));
            batch.forEach(p -> rows.add(String.join(",", p.plate(), p.colour(), String.valueOf(p.driver()), String.valueOf(p.card()),
                    String.valueOf(p.perChargeCap()), String.valueOf(p.dailyCap()))));
            if ((from / FleetBulkSeeder.BATCH) % 25 == 0) {
                LOG.infof("fleet: %d of %d plates seeded (%.0f s)", rows.size() - 1, plateCount, (System.nanoTime() - started) / 1e9);
            }
        }
        writePrivately(out.resolve("bank-accounts.txt"), "");
        writePrivately(out.resolve("plates.csv"), String.join("\n", rows) + "\n");
        LOG.infof("fleet seeded in bulk: %d plates, each its own card (bank accounts open on first use); files in %s", plateCount,
                out.toAbsolutePath());
    }

    /**
     * One active 80-litre CNG cylinder (20 MPa, inspected, confirmed) per fleet vehicle, tagged FLEET-<plate>, and a
     * unit price at every fleet station: a full tank is about CNY 71, above any planned fill.
     */
    private Uni<Integer> seedCylinders() {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(SITE_PRICES)
                        .setParameter(1, fleet.holdSeconds()).setParameter(2, OPERATOR_SUBJECT).executeUpdate()
                        .flatMap(sites -> session.createNativeQuery(CYLINDERS).setParameter(1, SEEDER.subject()).executeUpdate()))
                .invoke(n -> LOG.infof("fleet: %d cylinders", n));
    }

    /** One allowed cylinder-check a day ago per fleet vehicle at every fleet station, by one of its handhelds. */
    private Uni<Integer> seedRegulars() {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(REGULARS).setParameter(1, OPERATOR_SUBJECT)
                        .setParameter(2, FillCodes.FILL_ALLOWED).setParameter(3, ReasonCodes.APPROVED).executeUpdate())
                .invoke(n -> LOG.infof("fleet: %d earlier cylinder-checks (the stations' regulars)", n));
    }

    private static final String REGULARS = """
            insert into cylinder_checks (id, device_id, site_id, request_ref, request_hash, plate, colour, tag_id, cylinder_id, medium,
                fill_code, payment_code, created_at)
            select gen_random_uuid(), (select d.id from devices d where d.site_id = s.id and d.type = 'HANDHELD' order by d.id limit 1),
                s.id, cast(gen_random_uuid() as varchar), repeat('0', 64), c.plate, c.colour, c.tag_id, c.id, 'CNG', ?2, ?3,
                now() - interval '1 day'
            from sites s cross join cylinders c
            where s.operator_id = (select id from operators where owner_subject = ?1)
              and exists (select 1 from devices d where d.site_id = s.id and d.type = 'HANDHELD')""";

    private static final String SITE_PRICES = """
            update sites set unit_price = 450, hold_seconds = ?1
            where operator_id = (select id from operators where owner_subject = ?2)""";
    private static final String CYLINDERS = """
            insert into cylinders (id, driver_id, vehicle_id, plate, colour, tag_id, serial, medium, working_pressure_kpa,
                water_capacity_ml, manufactured_on, last_inspected_on, next_inspection_due, design_life_years, status,
                confirmed_by, confirmed_at, created_at, updated_at)
            select gen_random_uuid(), v.driver_id, v.id, v.plate, v.colour, 'FLEET-' || v.plate, 'SN-' || v.plate, 'CNG', 20000,
                80000, current_date - 700, current_date - 30, current_date + 335, 15, 'ACTIVE', ?1, now(), now(), now()
            from vehicles v""";

    private <T> T await(java.util.function.Supplier<Uni<T>> work) throws Exception {
        return reactive.run(work).toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private Uni<List<Site>> seedSites() {
        Operator op = new Operator();
        op.id = UUID.randomUUID();
        op.ownerSubject = OPERATOR_SUBJECT;
        op.name = "Fleet test operator";
        op.createdAt = Instant.now();
        OperatorMember member = new OperatorMember();
        member.subject = OPERATOR_SUBJECT;
        member.operatorId = op.id;
        member.username = OPERATOR_SUBJECT;
        member.addedAt = op.createdAt;
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            Site s = new Site();
            s.id = UUID.randomUUID();
            s.operatorId = op.id;
            s.name = "Fleet CNG station " + (i + 1);
            s.category = SiteCategory.GAS;
            s.currency = "CNY";
            s.createdAt = op.createdAt;
            sites.add(s);
        }
        return op.persist().flatMap(x -> member.persist()).flatMap(x -> Site.persist(sites)).map(x -> sites);
    }

    private Uni<Void> seedDevice(Site site, int n, Path out) {
        DeviceCredentials credentials = DeviceCredentials.generate();
        Device d = new Device();
        d.id = UUID.randomUUID();
        d.siteId = site.id;
        d.type = Device.Type.HANDHELD;
        d.name = "Fleet handheld " + (n + 1);
        d.status = Device.Status.ACTIVE;
        d.mqttPasswordHash = credentials.passwordHash();
        d.publicKey = credentials.publicKey();
        d.createdAt = Instant.now();
        d.updatedAt = d.createdAt;
        return d.persist().invoke(() -> writeDeviceFile(out.resolve("devices").resolve(d.id + ".json"), d, credentials))
                .replaceWithVoid();
    }

    private Uni<Void> seedDriver(int driverNo, CardVault.VerifiedCard verified, List<PlateRow> plates) {
        Driver driver = new Driver();
        driver.id = UUID.randomUUID();
        driver.subject = "fleet-driver-" + driverNo;
        driver.displayName = "Fleet Driver " + driverNo;
        driver.createdAt = Instant.now();
        List<Vehicle> vehicles = new ArrayList<>();
        for (PlateRow p : plates) {
            Vehicle v = new Vehicle();
            v.id = UUID.randomUUID();
            v.driverId = driver.id;
            v.plate = p.plate();
            v.colour = p.colour();
            v.createdAt = driver.createdAt;
            v.verification = Vehicle.Verification.UNVERIFIED;
            vehicles.add(v);
        }
        // Each vehicle's proof is approved through review as anyone's is, between the records and the mandates.
        return Panache.withTransaction(() -> driver.persist().flatMap(x -> vault.store(driver.id, verified))
                        .call(card -> Vehicle.persist(vehicles)))
                .call(card -> Multi.createFrom().iterable(vehicles)
                        .onItem().transformToUniAndConcatenate(v -> verification.approve(driver.id, v.id, SEEDER))
                        .collect().last())
                .flatMap(card -> Panache.withTransaction(() -> {
                    Uni<Void> mandatesMade = Uni.createFrom().voidItem();
                    for (int i = 0; i < plates.size(); i++) {
                        PlateRow p = plates.get(i);
                        Vehicle v = vehicles.get(i);
                        mandatesMade = mandatesMade.flatMap(x -> mandates.create(driver, new MandateService.NewMandate(v.id, card.id,
                                p.perChargeCap(), p.dailyCap(), Set.of("GAS")))).replaceWithVoid();
                    }
                    return mandatesMade;
                }));
    }

    private PlateRow plateRow(int plateNo, int driverNo, int cardNo) {
        long daily = Math.min(DAILY_CAPS[plateNo % DAILY_CAPS.length], config.limits().maxDailyCap());
        long perCharge = Math.min(daily, config.limits().maxPerChargeCap());
        return new PlateRow(plate(plateNo), "BLUE", driverNo, cardNo, perCharge, daily);
    }

    /** 黑K00000, 黑K00001, ... 黑W99999: 10^6 valid ordinary blue plates, none of them the demo's 黑E12345. */
    static String plate(int n) {
        return "黑" + "KLMNPQRSTW".charAt(n / 100_000) + String.format("%05d", n % 100_000);
    }

    /** A Luhn-valid 16-digit number under the simulated bank's BIN 622202, distinct from the demo card. */
    static String pan(int n) {
        String body = "6222029" + String.format("%08d", n);
        return body + luhnCheckDigit(body);
    }

    static int luhnCheckDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** The card's account at the simulated bank (created when missing); returns its account id. */
    private String openAccount(WebClient http, String pan, int driverNo) {
        String bank = config.bank().url();
        Duration t = Duration.ofSeconds(10);
        var lookup = http.postAbs(bank + "/v1/accounts/lookup").sendJsonObject(new JsonObject().put("pan", pan)).await().atMost(t);
        if (lookup.statusCode() == 200) {
            return lookup.bodyAsJsonObject().getString("accountId");
        }
        var created = http.postAbs(bank + "/v1/accounts").sendJsonObject(new JsonObject().put("pan", pan)
                        .put("holderName", "Fleet Driver " + driverNo).put("cardType", "DEBIT").put("bankName", "Fleet Bank")
                        .put("expiryMonth", 12).put("expiryYear", 2035).put("balance", fleet.balance()).put("currency", "CNY"))
                .await().atMost(t);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("the bank refused the fleet account: HTTP " + created.statusCode());
        }
        return created.bodyAsJsonObject().getString("accountId");
    }

    private void writeDeviceFile(Path file, Device device, DeviceCredentials credentials) {
        Map<String, String> content = new LinkedHashMap<>();
        content.put("deviceId", device.id.toString());
        content.put("siteId", device.siteId.toString());
        content.put("mqttUsername", device.id.toString());
        content.put("mqttPassword", credentials.mqttPassword());
        content.put("privateKey", credentials.privateKey());
        content.putAll(DeviceFiles.brokerFields(config.mqtt()));
        content.put("serverPublicKey", server.publicKey());
        try {
            writePrivately(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(content));
        } catch (IOException e) {
            throw new IllegalStateException("could not write the fleet device file " + file, e);
        }
    }

    private static void writePrivately(Path file, String text) throws IOException {
        DeviceFiles.writePrivately(file, text);
    }
}
