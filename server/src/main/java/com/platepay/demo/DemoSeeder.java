package com.platepay.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.attendants.Attendant;
import com.platepay.enrollment.Driver;
import com.platepay.enrollment.Mandate;
import com.platepay.enrollment.MandateService;
import com.platepay.enrollment.SeededVerification;
import com.platepay.enrollment.Vehicle;
import com.platepay.audit.Actor;
import com.platepay.identity.KeycloakUsers;
import com.platepay.mqtt.MqttGateway;
import com.platepay.parking.ParkingLane;
import com.platepay.parking.ParkingLot;
import com.platepay.mqtt.ServerIdentity;
import com.platepay.platform.PlatePayConfig;
import com.platepay.platform.ReactiveContext;
import com.platepay.protocol.parking.PlateRead;
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
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Seeds the demo (only with platepay.demo.enabled=true, which the demo profile sets): an operator with a GAS
 * station and its handheld, a PARKING lot, and a driver whose plate 黑E12345 is bound to a debit card with money
 * at the simulated bank, with the cylinders of {@link DemoCylinders}. Idempotent: a restart reuses what is there. The handheld's secrets go to a file only
 * the demo user can read, for `./platepay handheld`.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    public static final String PLATE = "黑E12345";
    /** A card number for the simulated bank only (Luhn-valid, bank BIN 622202). */
    static final String DEMO_PAN = "6222020000012345674";
    static final long OPENING_BALANCE = 200_000;
    /**
     * Per mille. The lane box reads the demo's rendered car at about 840 with PaddleOCR as second opinion (the build
     * fetches it) and about 300 without: then its exits go to review, as an unsure read should.
     */
    static final int DEMO_LANE_THRESHOLD = 700;

    /** Demo accounts the demo command creates in Keycloak; the seed data belongs to their user ids. */
    static final String DRIVER_USERNAME = "driver";
    static final String OPERATOR_USERNAME = "operator";
    static final String ATTENDANT_USERNAME = "attendant";

    private final PlatePayConfig config;
    private final CardVault vault;
    private final MandateService mandates;
    private final ReactiveContext reactive;
    private final Vertx vertx;
    private final KeycloakUsers users;
    private final ServerIdentity server;
    private final SeededVerification verification;
    private final DemoCylinders cylinders;

    /** The name the demo's own proof approval is audited under. */
    static final Actor SEEDER = Actor.system("demo-seeder");

    public DemoSeeder(PlatePayConfig config, CardVault vault, MandateService mandates, ReactiveContext reactive, Vertx vertx,
                      KeycloakUsers users, ServerIdentity server, SeededVerification verification, DemoCylinders cylinders) {
        this.verification = verification;
        this.cylinders = cylinders;
        this.config = config;
        this.vault = vault;
        this.mandates = mandates;
        this.reactive = reactive;
        this.vertx = vertx;
        this.users = users;
        this.server = server;
    }

    /** After the gateway (which has the default priority) so the broker is up when the device file appears. */
    void seed(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event,
              MqttGateway gateway) throws Exception {
        if (!config.demo().enabled()) {
            return;
        }
        ensureBankAccount();
        String operatorSubject = subjectOf(OPERATOR_USERNAME);
        String driverSubject = subjectOf(DRIVER_USERNAME);
        String attendantSubject = subjectOf(ATTENDANT_USERNAME);
        reactive.run(() -> Panache.withTransaction(() -> seedOperator(operatorSubject, attendantSubject)))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        Driver driver = reactive.run(() -> vault.verify(new CardVault.NewCard(DEMO_PAN, 12, 2031, "Demo Driver"))
                        .flatMap(verified -> Panache.withTransaction(() -> seedDriver(driverSubject, verified))))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        // The demo plate's proof goes through review like anyone's (stored, approved and audited as the seeder).
        Vehicle vehicle = reactive.run(() -> Panache.withSession(() -> Vehicle.<Vehicle>find("driverId = ?1 and plate = ?2", driver.id,
                        PLATE).firstResult()).flatMap(v -> verification.approve(driver.id, v.id, SEEDER)))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        reactive.run(() -> Panache.withTransaction(() -> seedMandate(driver, vehicle)))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        cylinders.seed(driver, vehicle, SEEDER);
        LOG.info("demo data ready");
    }

    private String subjectOf(String username) throws Exception {
        return reactive.run(() -> users.findId(username)).toCompletableFuture().get(30, TimeUnit.SECONDS)
                .orElseThrow(() -> new IllegalStateException("the demo user '" + username + "' is missing in Keycloak; "
                        + "start the demo with ./platepay demo, which creates it"));
    }

    private void ensureBankAccount() throws Exception {
        WebClient http = WebClient.create(vertx);
        String bank = config.bank().url();
        int status = http.postAbs(bank + "/v1/accounts/lookup").sendJsonObject(new JsonObject().put("pan", DEMO_PAN))
                .await().atMost(java.time.Duration.ofSeconds(10)).statusCode();
        if (status == 404) {
            http.postAbs(bank + "/v1/accounts").sendJsonObject(new JsonObject().put("pan", DEMO_PAN)
                            .put("holderName", "Demo Driver").put("cardType", "DEBIT").put("bankName", "Demo Bank")
                            .put("expiryMonth", 12).put("expiryYear", 2031).put("balance", OPENING_BALANCE).put("currency", "CNY"))
                    .await().atMost(java.time.Duration.ofSeconds(10));
        }
        http.close();
    }

    private Uni<Void> seedOperator(String subject, String attendantSubject) {
        return Operator.<Operator>find("ownerSubject", subject).firstResult()
                .flatMap(found -> found != null ? Uni.createFrom().item(found) : operator(subject).<Operator>persist()
                        .call(op -> member(op, subject).persist()))
                .flatMap(op -> site(op, "Daqing CNG Station 1", SiteCategory.GAS)
                        .flatMap(gas -> site(op, "Daqing Central Parking", SiteCategory.PARKING).call(this::parking).replaceWith(gas)))
                .call(gas -> attendant(gas, attendantSubject))
                .flatMap(this::handheld);
    }

    private static Operator operator(String subject) {
        Operator o = new Operator();
        o.id = UUID.randomUUID();
        o.ownerSubject = subject;
        o.name = "Daqing Energy (demo)";
        o.createdAt = Instant.now();
        return o;
    }

    private static OperatorMember member(Operator operator, String subject) {
        OperatorMember m = new OperatorMember();
        m.subject = subject;
        m.operatorId = operator.id;
        m.username = OPERATOR_USERNAME;
        m.addedAt = operator.createdAt;
        return m;
    }

    private static Uni<Site> site(Operator op, String name, SiteCategory category) {
        return Site.<Site>find("operatorId = ?1 and name = ?2", op.id, name).firstResult().flatMap(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            Site s = new Site();
            s.id = UUID.randomUUID();
            s.operatorId = op.id;
            s.name = name;
            s.category = category;
            s.currency = "CNY";
            s.createdAt = Instant.now();
            return s.persist();
        });
    }

    /** The demo attendant works at the GAS station. */
    private static Uni<Void> attendant(Site gas, String subject) {
        return Attendant.count("subject", subject).flatMap(existing -> {
            if (existing > 0) {
                return Uni.createFrom().voidItem();
            }
            Attendant a = new Attendant();
            a.id = UUID.randomUUID();
            a.operatorId = gas.operatorId;
            a.subject = subject;
            a.username = ATTENDANT_USERNAME;
            a.status = Attendant.Status.ACTIVE;
            a.siteIds = new HashSet<>(Set.of(gas.id));
            a.createdAt = Instant.now();
            a.updatedAt = a.createdAt;
            return a.persist().replaceWithVoid();
        });
    }

    /** A fresh handheld unless the device file still names a live one. */
    private Uni<Void> handheld(Site gas) {
        Path file = Path.of(config.demo().dir(), "handheld.json");
        String existingId = readDeviceId(file);
        return (existingId == null ? Uni.createFrom().<Device>nullItem() : Device.<Device>findById(UUID.fromString(existingId)))
                .flatMap(existing -> {
                    if (existing != null && existing.siteId.equals(gas.id)) {
                        refreshServerKey(file);
                        return Uni.createFrom().voidItem();
                    }
                    DeviceCredentials credentials = DeviceCredentials.generate();
                    Device d = new Device();
                    d.id = UUID.randomUUID();
                    d.siteId = gas.id;
                    d.type = Device.Type.HANDHELD;
                    d.name = "Pump island handheld";
                    d.status = Device.Status.ACTIVE;
                    d.mqttPasswordHash = credentials.passwordHash();
                    d.publicKey = credentials.publicKey();
                    d.createdAt = Instant.now();
                    d.updatedAt = d.createdAt;
                    return d.persist().invoke(() -> writeDeviceFile(file, d, credentials)).replaceWithVoid();
                });
    }

    /**
     * The demo lot: its tariff charges the first hour from the first minute (5.00, then 3.00 an hour, at most 50.00 a
     * day), and an entry and an exit lane, each a camera whose device file goes beside the handheld's. The lanes'
     * confidence threshold suits the demo's rendered images; a real lane's is calibrated on photos of that lane.
     */
    private Uni<Void> parking(Site lot) {
        return ParkingLot.<ParkingLot>findById(lot.id).flatMap(found -> found != null ? Uni.createFrom().item(found) : demoLot(lot).<ParkingLot>persist())
                .flatMap(l -> lane(lot, "entry-1", PlateRead.Direction.ENTRY, "lane-entry.json"))
                .flatMap(x -> lane(lot, "exit-1", PlateRead.Direction.EXIT, "lane-exit.json"));
    }

    private static ParkingLot demoLot(Site site) {
        ParkingLot l = new ParkingLot();
        l.siteId = site.id;
        l.timeZone = "Asia/Harbin";
        l.currency = site.currency;
        l.freeMinutes = 0;
        l.firstPeriodMinutes = 60;
        l.firstPeriodPrice = 500;
        l.periodMinutes = 60;
        l.periodPrice = 300;
        l.dailyCap = 5000L;
        l.graceMinutes = 15;
        l.declinePolicy = ParkingLot.DeclinePolicy.OPEN_ARREARS;
        l.maxDebitAttempts = 3;
        l.repeatWindowSecs = 30;
        return l;
    }

    /** A lane camera unless its device file still names a live one of this lot. */
    private Uni<Void> lane(Site lot, String name, PlateRead.Direction direction, String fileName) {
        Path file = Path.of(config.demo().dir(), fileName);
        String existingId = readDeviceId(file);
        return (existingId == null ? Uni.createFrom().<ParkingLane>nullItem() : ParkingLane.<ParkingLane>findById(UUID.fromString(existingId)))
                .flatMap(existing -> {
                    if (existing != null && existing.siteId.equals(lot.id)) {
                        refreshServerKey(file);
                        return Uni.createFrom().voidItem();
                    }
                    DeviceCredentials credentials = DeviceCredentials.generate();
                    Device d = new Device();
                    d.id = UUID.randomUUID();
                    d.siteId = lot.id;
                    d.type = Device.Type.CAMERA;
                    d.name = "Lane camera " + name;
                    d.status = Device.Status.ACTIVE;
                    d.mqttPasswordHash = credentials.passwordHash();
                    d.publicKey = credentials.publicKey();
                    d.createdAt = Instant.now();
                    d.updatedAt = d.createdAt;
                    ParkingLane lane = new ParkingLane();
                    lane.deviceId = d.id;
                    lane.siteId = lot.id;
                    lane.name = name + "-" + d.id.toString().substring(0, 4);
                    lane.direction = direction;
                    lane.confidenceThreshold = DEMO_LANE_THRESHOLD;
                    return d.persistAndFlush().flatMap(x -> lane.persist()).invoke(() -> writeDeviceFile(file, d, credentials)).replaceWithVoid();
                });
    }

    private Uni<Driver> seedDriver(String subject, CardVault.VerifiedCard verified) {
        return Driver.<Driver>find("subject", subject).firstResult()
                .flatMap(found -> found != null ? Uni.createFrom().item(found) : driver(subject).<Driver>persist())
                .call(driver -> Vehicle.<Vehicle>find("driverId = ?1 and plate = ?2", driver.id, PLATE).firstResult()
                        .flatMap(v -> v != null ? Uni.createFrom().item(v) : vehicle(driver).<Vehicle>persist()))
                .call(driver -> Card.<Card>find("driverId = ?1 and status = 'ACTIVE'", driver.id).firstResult()
                        .flatMap(c -> c != null ? Uni.createFrom().item(c) : vault.store(driver.id, verified)));
    }

    private Uni<Void> seedMandate(Driver driver, Vehicle vehicle) {
        return Card.<Card>find("driverId = ?1 and status = 'ACTIVE'", driver.id).firstResult()
                .flatMap(card -> Mandate.count("plate = ?1 and status <> ?2", PLATE, Mandate.Status.REVOKED)
                        .flatMap(live -> live > 0 ? Uni.createFrom().voidItem()
                                : mandates.create(driver, new MandateService.NewMandate(vehicle.id, card.id, 50_000, 100_000,
                                        Set.of("GAS", "PARKING"))).replaceWithVoid()));
    }

    private static Driver driver(String subject) {
        Driver d = new Driver();
        d.id = UUID.randomUUID();
        d.subject = subject;
        d.displayName = "Demo Driver";
        d.createdAt = Instant.now();
        return d;
    }

    private static Vehicle vehicle(Driver driver) {
        Vehicle v = new Vehicle();
        v.id = UUID.randomUUID();
        v.driverId = driver.id;
        v.plate = PLATE;
        v.colour = "BLUE";
        v.createdAt = Instant.now();
        v.verification = Vehicle.Verification.UNVERIFIED;
        return v;
    }

    /**
     * A device file from before the server kept its signing key still gets the key results are checked with, and one
     * from before TLS (or another port) the broker's address and CA.
     */
    private void refreshServerKey(Path file) {
        try {
            ObjectNode content = (ObjectNode) new ObjectMapper().readTree(file.toFile());
            boolean changed = false;
            if (!server.publicKey().equals(content.path("serverPublicKey").asText())) {
                content.put("serverPublicKey", server.publicKey());
                changed = true;
            }
            Map<String, String> broker = DeviceFiles.brokerFields(config.mqtt());
            if (!broker.get("broker").equals(content.path("broker").asText())
                    || !broker.getOrDefault("caFile", "").equals(content.path("caFile").asText(""))) {
                content.remove("caFile");
                broker.forEach(content::put);
                changed = true;
            }
            if (changed) {
                writePrivately(file, content);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not update the demo handheld file " + file, e);
        }
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
            writePrivately(file, content);
        } catch (Exception e) {
            throw new IllegalStateException("could not write the demo device file " + file, e);
        }
    }

    private static void writePrivately(Path file, Object content) throws IOException {
        DeviceFiles.writePrivately(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(content));
    }

    private static String readDeviceId(Path file) {
        try {
            return Files.exists(file) ? new ObjectMapper().readTree(file.toFile()).path("deviceId").asText(null) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
