package com.platepay.offline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.sim.HandheldCli;
import com.platepay.testing.Cylinders;
import com.platepay.testing.Ledgers;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline handheld against the whole stack: the server's signed handheld allow-list, the simulator's offline
 * fill (floor counted on the device, vouchers numbered by a durable counter and forced to a queue), the upload in
 * counter order, one debit per voucher however often it is uploaded, and arrears when the debit fails.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class OfflineHandheldTest extends StackTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;
    Path deviceFile;
    String site;
    Scenario.DeviceCredentials device;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void station() throws Exception {
        site = scenario.site(Users.OLGA, "GAS");
        device = scenario.device(Users.OLGA, site, "HANDHELD");
        ObjectNode f = ProtocolCodec.mapper().createObjectNode().put("deviceId", device.deviceId()).put("siteId", device.siteId())
                .put("mqttUsername", device.deviceId()).put("mqttPassword", device.password()).put("privateKey", device.privateKey())
                .put("broker", "tcp://127.0.0.1:" + mqttPort).put("serverPublicKey", device.serverPublicKey());
        deviceFile = dir.resolve("handheld.json");
        Files.write(deviceFile, ProtocolCodec.mapper().writeValueAsBytes(f));
    }

    @AfterEach
    void books() {
        bank.clearFaults();
        assertBooksBalance();
    }

    Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--device-file", deviceFile.toString(), "--timeout", "20s"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HandheldCli.run(all.toArray(String[]::new), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), Map.of());
        return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    /** A driver who fills here (a cylinder-check at the site makes a regular) with a confirmed, valid cylinder. */
    Scenario.Enrolled regular(Users driver, long balance) {
        Scenario.Enrolled enrolled = scenario.enrolled(driver, balance);
        String tag = Cylinders.tag();
        Cylinders.confirmed(driver, Cylinders.certificate(enrolled.vehicleId(), tag, TODAY, Map.of()));
        Run check = cli("cylinder-check", "--tag", tag, "--plate", enrolled.plate());
        assertEquals(HandheldCli.OK, check.code(), check.err());
        return enrolled;
    }

    /** Syncs until the handheld's list says what {@code wanted} asks for (the server rebuilds lists every second in tests). */
    JsonNode syncUntil(java.util.function.Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Run sync = cli("sync", "--list-wait", "3s");
            assertTrue(sync.code() == HandheldCli.OK || sync.code() == HandheldCli.VOUCHERS_LEFT, sync.err());
            JsonNode list = cachedList();
            if (list != null && wanted.test(list)) {
                return list;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the allow-list never became what was wanted: " + list + "\n" + sync.err());
            }
            Thread.sleep(500);
        }
    }

    JsonNode cachedList() throws Exception {
        Path file = dir.resolve("handheld.allow-list.json");
        return Files.exists(file) ? ProtocolCodec.mapper().readTree(Files.readAllBytes(file)) : null;
    }

    static JsonNode vehicle(JsonNode list, String plate) {
        for (JsonNode v : list.path("body").path("vehicles")) {
            if (v.path("plate").asText().equals(plate)) {
                return v;
            }
        }
        return null;
    }

    static java.util.function.Predicate<JsonNode> listing(String plate) {
        return list -> vehicle(list, plate) != null;
    }

    @Test
    void theServerPushesEachHandheldASignedVersionedListOfTheVehiclesItMayFillOffline() throws Exception {
        Scenario.Enrolled listed = regular(Users.ALICE, 500_000);
        Scenario.Enrolled overdue = scenario.enrolled(Users.BOB, 500_000);
        String overdueTag = Cylinders.tag();
        Cylinders.confirmed(Users.BOB, Cylinders.certificate(overdue.vehicleId(), overdueTag, TODAY,
                Map.of("lastInspectedOn", TODAY.minusYears(3).toString(), "nextInspectionDue", TODAY.minusDays(5).toString())));
        assertEquals(HandheldCli.DO_NOT_FILL, cli("cylinder-check", "--tag", overdueTag, "--plate", overdue.plate()).code());
        Scenario.Enrolled stranger = scenario.enrolled(Users.CHEN, 500_000);   // never filled here

        JsonNode list = syncUntil(listing(listed.plate()));

        assertEquals("handheld-allow-list", list.path("type").asText());
        assertEquals(device.deviceId(), list.path("deviceId").asText());
        JsonNode entry = vehicle(list, listed.plate());
        assertEquals(30_000, entry.path("dailyFloor").asLong(), "the site's default floor, under the mandate's daily cap");
        assertEquals("CNG", entry.path("cylinders").get(0).path("medium").asText());
        assertEquals(null, vehicle(list, overdue.plate()), "an overdue cylinder is never filled offline");
        assertEquals(null, vehicle(list, stranger.plate()), "only the site's regulars are listed");
        long first = list.path("body").path("version").asLong();

        // A change of the floor is a new version; the handheld keeps the newer one.
        Users.OLGA.api().body(Map.of("dailyFloor", 12_000)).put("/api/v1/operator/sites/" + site + "/offline-floor").then().statusCode(200);
        Users.OLGA.api().get("/api/v1/operator/sites/" + site + "/offline-floor").then().statusCode(200).body("dailyFloor", equalTo(12_000));
        Users.OSCAR.api().body(Map.of("dailyFloor", 1)).put("/api/v1/operator/sites/" + site + "/offline-floor").then().statusCode(404);
        Users.OLGA.api().body(Map.of("dailyFloor", 0)).put("/api/v1/operator/sites/" + site + "/offline-floor").then().statusCode(400);
        JsonNode changed = syncUntil(l -> vehicle(l, listed.plate()) != null && vehicle(l, listed.plate()).path("dailyFloor").asLong() == 12_000);
        assertTrue(changed.path("body").path("version").asLong() > first);

        // A list the server did not sign is never used: changed on the device, it is refused.
        Path file = dir.resolve("handheld.allow-list.json");
        Files.writeString(file, Files.readString(file).replace("12000", "99999"));
        Run forged = cli("fill", "--offline", "--plate", listed.plate(), "--amount", "10.00");
        assertEquals(HandheldCli.OFFLINE_REFUSED, forged.code(), forged.err());
        assertTrue(forged.err().contains("not signed by the server"), forged.err());
    }

    @Test
    void offlineVouchersOverThePlatesDailyFloorAreRefusedOnTheDevice() throws Exception {
        Users.OLGA.api().body(Map.of("dailyFloor", 10_000)).put("/api/v1/operator/sites/" + site + "/offline-floor").then().statusCode(200);
        Scenario.Enrolled driver = regular(Users.ALICE, 500_000);
        syncUntil(l -> vehicle(l, driver.plate()) != null && vehicle(l, driver.plate()).path("dailyFloor").asLong() == 10_000);

        Run first = cli("fill", "--offline", "--plate", driver.plate(), "--amount", "60.00", "--pump", "2", "--attendant", "att-3");
        Run over = cli("fill", "--offline", "--plate", driver.plate(), "--amount", "40.01");
        Run upTo = cli("fill", "--offline", "--plate", driver.plate(), "--amount", "40.00");
        Run unknown = cli("fill", "--offline", "--plate", com.platepay.testing.Plates.random(), "--amount", "1.00");

        assertEquals(HandheldCli.OFFLINE_ACCEPTED, first.code(), first.err());
        assertTrue(first.err().contains("OFFLINE VOUCHER #1 60.00 CNY"), first.err());
        assertEquals(HandheldCli.OFFLINE_REFUSED, over.code(), over.err());
        assertTrue(over.err().contains("over the offline floor: 60.00 of 100.00 CNY"), over.err());
        assertEquals(HandheldCli.OFFLINE_ACCEPTED, upTo.code(), upTo.err());
        assertTrue(upTo.err().contains("OFFLINE VOUCHER #2 40.00 CNY"), "a refusal takes no counter: " + upTo.err());
        assertEquals(HandheldCli.OFFLINE_REFUSED, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("is not on the offline allow-list"), unknown.err());
        assertEquals(500_000, bank.balance(driver.account()), "nothing moves while offline");

        // A broker that cannot be reached makes a fill an offline one, under the same floor counted on the device.
        Run unreachable = cli("fill", "--plate", driver.plate(), "--amount", "0.01", "--broker", "tcp://127.0.0.1:9");
        assertEquals(HandheldCli.OFFLINE_REFUSED, unreachable.code(), unreachable.err());
        assertTrue(unreachable.err().contains("deciding offline") && unreachable.err().contains("over the offline floor"), unreachable.err());

        // The next connected fill uploads the queue first, then fills online.
        Run online = cli("fill", "--plate", driver.plate(), "--amount", "5.00");
        assertEquals(HandheldCli.OK, online.code(), online.err());
        assertTrue(online.err().contains("uploading the vouchers issued offline first"), online.err());
        assertEquals(500_000 - 10_000 - 500, bank.balance(driver.account()));
        assertEquals(HandheldCli.OK, cli("sync", "--no-list").code(), "nothing left");
        assertEquals(List.of("1 PAID 6000 att-3 2", "2 PAID 4000"), Ledgers.strings(pool,
                "select concat_ws(' ', counter, status, amount, attendant, pump) from vouchers where device_id = $1 order by counter",
                java.util.UUID.fromString(device.deviceId())));
    }

    @Test
    void aVoucherUploadedTwiceIsDebitedOnce() throws Exception {
        Scenario.Enrolled driver = regular(Users.BOB, 500_000);
        syncUntil(listing(driver.plate()));
        assertEquals(HandheldCli.OFFLINE_ACCEPTED, cli("fill", "--offline", "--plate", driver.plate(), "--amount", "55.50").code());

        Run once = cli("sync", "--no-list");
        // The device lost its record of the answers (say, a crash before it was written): it uploads them all again.
        Files.delete(dir.resolve("handheld.vouchers-settled"));
        Run again = cli("sync", "--no-list");

        assertEquals(HandheldCli.OK, once.code(), once.err());
        assertEquals(HandheldCli.OK, again.code(), again.err());
        assertTrue(again.err().contains("voucher #1 PAID 55.50 CNY"), again.err());
        JsonNode a = ProtocolCodec.mapper().readTree(once.out().strip());
        JsonNode b = ProtocolCodec.mapper().readTree(again.out().strip());
        assertEquals(a.path("voucherId"), b.path("voucherId"), "the same stored voucher answers");
        assertEquals(500_000 - 5_550, bank.balance(driver.account()));
        assertEquals(1, bank.debits(driver.account()).size());
        assertEquals(1, Ledgers.count(pool, "select count(*) from charges where plate = $1", driver.plate()));
        assertEquals(1, Ledgers.count(pool, "select count(*) from vouchers where plate = $1", driver.plate()));
    }

    @Test
    void aDeviceClockThatJumpsDoesNotReorderOrDropVouchers() throws Exception {
        Scenario.Enrolled driver = regular(Users.CHEN, 500_000);
        syncUntil(listing(driver.plate()));
        // The device clock jumps back five hours, then forward an hour, then back a day: counters still go 1, 2, 3, 4.
        String[][] fills = {{"0s", "10.00"}, {"-5h", "11.00"}, {"+1h", "12.00"}, {"-1d", "13.00"}};
        for (String[] f : fills) {
            Run r = cli("fill", "--offline", "--plate", driver.plate(), "--amount", f[1], "--clock-skew", f[0]);
            assertEquals(HandheldCli.OFFLINE_ACCEPTED, r.code(), r.err());
        }

        Run sync = cli("sync", "--no-list");

        assertEquals(HandheldCli.OK, sync.code(), sync.err());
        List<Long> answered = sync.out().lines().map(l -> {
            try {
                return ProtocolCodec.mapper().readTree(l).path("counter").asLong();
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L), answered, "uploaded in counter order");
        java.util.UUID id = java.util.UUID.fromString(device.deviceId());
        assertEquals(List.of("1 1000", "2 1100", "3 1200", "4 1300"), Ledgers.strings(pool,
                "select counter || ' ' || amount from vouchers where device_id = $1 order by created_at, counter", id),
                "stored in counter order");
        assertEquals(List.of("1000", "1100", "1200", "1300"), Ledgers.strings(pool,
                "select cast(c.amount as text) from charges c join vouchers v on v.charge_id = c.id where v.device_id = $1 order by c.created_at, v.counter", id),
                "charged in counter order");
        assertEquals(List.of("2", "4"), Ledgers.strings(pool,
                "select cast(v.counter as text) from vouchers v where v.device_id = $1 and v.captured_at < "
                        + "(select captured_at from vouchers where device_id = $1 and counter = 1) order by v.counter", id),
                "the device clock did say 2 and 4 came before 1");
        assertEquals(500_000 - 4_600, bank.balance(driver.account()));
        List<Integer> counters = Users.OLGA.api().queryParam("status", "PAID").get("/api/v1/operator/vouchers").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.deviceId == '" + device.deviceId() + "' }.counter");
        assertEquals(List.of(1, 2, 3, 4), counters);
    }

    @Test
    void theSimulatorKilledMidQueueLosesNothingAndDoublesNothing() throws Exception {
        Scenario.Enrolled driver = regular(Users.ALICE, 500_000);
        syncUntil(listing(driver.plate()));
        int n = 6;
        for (int i = 1; i <= n; i++) {
            assertEquals(HandheldCli.OFFLINE_ACCEPTED, cli("fill", "--offline", "--plate", driver.plate(), "--amount", i + ".00").code());
        }
        // A slow bank, so the upload is still going when the handheld is killed.
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("latencyMs", 400, "rules", List.of()))
                .post(bankUrl + "/v1/faults").then().statusCode(200);

        Path err = dir.resolve("killed.err");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), HandheldCli.class.getName(),
                "sync", "--no-list", "--device-file", deviceFile.toString(), "--timeout", "20s");
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectError(err.toFile())
                .redirectOutput(dir.resolve("killed.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!(Files.exists(err) && Files.readString(err).contains("voucher #2 "))) {
            assertTrue(p.isAlive(), "the handheld ended before it was killed:\n" + (Files.exists(err) ? Files.readString(err) : ""));
            assertTrue(System.nanoTime() < deadline, "the upload never got to voucher 2");
            Thread.sleep(20);
        }
        p.destroyForcibly();   // SIGKILL: no shutdown hook, no flush
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue());
        bank.clearFaults();

        Run after = cli("sync", "--no-list");
        // A voucher whose debit was still at the bank when the handheld died is PENDING until the server has recorded
        // that debit's answer; uploading it again then gets the stored answer.
        Run last = after;
        while (last.code() == HandheldCli.VOUCHERS_LEFT && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = cli("sync", "--no-list");
        }

        assertEquals(HandheldCli.OK, last.code(), after.err() + last.err());
        assertTrue(after.err().contains("voucher #" + n + " PAID"), "the rest went after the restart: " + after.err());
        assertFalse(after.err().contains("voucher #1 "), "what was settled before the kill is not uploaded again: " + after.err());
        assertEquals(500_000 - 2_100, bank.balance(driver.account()), "1 + 2 + ... + 6 yuan, each once");
        assertEquals(n, bank.debits(driver.account()).size());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), Ledgers.strings(pool,
                "select cast(counter as text) from vouchers where plate = $1 and status = 'PAID' order by counter", driver.plate()));
        assertEquals(n, Ledgers.count(pool, "select count(*) from charges where plate = $1", driver.plate()));
    }

    @Test
    void aVoucherWhoseDebitFailsBecomesArrearsTheDriverAndTheOperatorSee() throws Exception {
        Scenario.Enrolled driver = regular(Users.ALICE, 2_000);   // 20.00 on the card
        syncUntil(listing(driver.plate()));
        assertEquals(HandheldCli.OFFLINE_ACCEPTED, cli("fill", "--offline", "--plate", driver.plate(), "--amount", "80.00").code());

        Run sync = cli("sync", "--no-list");

        assertEquals(HandheldCli.OK, sync.code(), "arrears settle the voucher on the device: " + sync.err());
        assertTrue(sync.err().contains("voucher #1 ARREARS 80.00 CNY (INSUFFICIENT_FUNDS)"), sync.err());
        assertEquals(2_000, bank.balance(driver.account()));
        String id = ProtocolCodec.mapper().readTree(sync.out().strip()).path("voucherId").asText();

        List<String> mine = Users.ALICE.api().get("/api/v1/me/offline-arrears").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(mine.contains(id), mine.toString());
        Users.ALICE.api().get("/api/v1/me/offline-arrears/" + id).then().statusCode(200)
                .body("amount", equalTo(8_000)).body("status", equalTo("ARREARS")).body("reasonCode", equalTo("INSUFFICIENT_FUNDS"))
                .body("plate", equalTo(driver.plate()));
        Users.BOB.api().get("/api/v1/me/offline-arrears/" + id).then().statusCode(404);
        assertFalse(Users.BOB.api().get("/api/v1/me/offline-arrears").then().statusCode(200).extract().jsonPath().getList("id").contains(id));
        List<String> owed = Users.OLGA.api().queryParam("status", "ARREARS").get("/api/v1/operator/vouchers").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertTrue(owed.contains(id), owed.toString());
        Users.OLGA.api().get("/api/v1/operator/vouchers/" + id).then().statusCode(200).body("counter", equalTo(1));
        Users.OSCAR.api().get("/api/v1/operator/vouchers/" + id).then().statusCode(404);
        assertFalse(Users.OSCAR.api().get("/api/v1/operator/vouchers").then().statusCode(200).extract().jsonPath().getList("id").contains(id));
    }

    @Test
    void aVoucherLeftReceivedWhenTheServerStoppedIsSettledFromItsChargeByTheJanitor() throws Exception {
        Scenario.Enrolled paid = regular(Users.BOB, 500_000);
        Scenario.Enrolled poor = regular(Users.CHEN, 100);
        syncUntil(l -> vehicle(l, paid.plate()) != null && vehicle(l, poor.plate()) != null);
        assertEquals(HandheldCli.OFFLINE_ACCEPTED, cli("fill", "--offline", "--plate", paid.plate(), "--amount", "30.00").code());
        assertEquals(HandheldCli.OFFLINE_ACCEPTED, cli("fill", "--offline", "--plate", poor.plate(), "--amount", "30.00").code());
        assertEquals(HandheldCli.OK, cli("sync", "--no-list").code());
        // As if the server had stopped after each charge's answer and before the voucher's move, long enough ago.
        java.util.UUID id = java.util.UUID.fromString(device.deviceId());
        pool.preparedQuery("update vouchers set status = 'RECEIVED', reason_code = null, charge_id = null, "
                        + "updated_at = now() - interval '2 minutes' where device_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().indefinitely();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Ledgers.count(pool, "select count(*) from vouchers where device_id = $1 and status = 'RECEIVED'", id) > 0) {
            assertTrue(System.nanoTime() < deadline, "the janitor never settled them");
            Thread.sleep(200);
        }

        assertEquals(List.of("1 PAID APPROVED", "2 ARREARS INSUFFICIENT_FUNDS"), Ledgers.strings(pool,
                "select concat_ws(' ', counter, status, reason_code) from vouchers where device_id = $1 and charge_id is not null order by counter", id));
        assertEquals(500_000 - 3_000, bank.balance(paid.account()), "settling a voucher never debits again");
    }
}
