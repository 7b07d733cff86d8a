package com.platepay.holds;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handheld simulator's CNG commands against the whole stack: {@code cylinder-check} exits 0 only when the
 * cylinder may be filled, {@code fill} exits 0 only when the fill is paid (its charge completing the check's hold).
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class HandheldFillTest extends StackTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;
    Path deviceFile;
    String site;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void station() throws Exception {
        site = scenario.site(Users.OLGA, "GAS");
        Users.OLGA.api().body(Map.of("unitPrice", 420, "holdSeconds", 600)).put("/api/v1/operator/sites/" + site + "/fuel-price")
                .then().statusCode(200);
        Scenario.DeviceCredentials d = scenario.device(Users.OLGA, site, "HANDHELD");
        ObjectNode f = ProtocolCodec.mapper().createObjectNode().put("deviceId", d.deviceId()).put("siteId", d.siteId())
                .put("mqttUsername", d.deviceId()).put("mqttPassword", d.password()).put("privateKey", d.privateKey())
                .put("broker", "tcp://127.0.0.1:" + mqttPort).put("serverPublicKey", d.serverPublicKey());
        deviceFile = dir.resolve("handheld.json");
        Files.write(deviceFile, ProtocolCodec.mapper().writeValueAsBytes(f));
    }

    @AfterEach
    void books() {
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

    @Test
    void cylinderCheckExitsZeroOnlyWhenTheCylinderMayBeFilled() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 500_000);
        String valid = Cylinders.tag();
        Cylinders.confirmed(Users.ALICE, Cylinders.certificate(driver.vehicleId(), valid, TODAY, Map.of()));
        String overdue = Cylinders.tag();
        Cylinders.confirmed(Users.ALICE, Cylinders.certificate(driver.vehicleId(), overdue, TODAY,
                Map.of("lastInspectedOn", TODAY.minusYears(3).toString(), "nextInspectionDue", TODAY.minusDays(5).toString())));

        Run ok = cli("cylinder-check", "--tag", valid, "--plate", driver.plate());
        Run refused = cli("cylinder-check", "--tag", overdue, "--plate", driver.plate());

        assertEquals(HandheldCli.OK, ok.code(), ok.err());
        assertTrue(ok.err().contains("FILL; pays frictionlessly"), ok.err());
        assertEquals(HandheldCli.DO_NOT_FILL, refused.code(), refused.err());
        assertTrue(refused.out().contains("INSPECTION_OVERDUE"), refused.out());
        assertEquals(HandheldCli.USAGE, cli("cylinder-check").code(), "a tag or a plate is needed");
        assertEquals(0, cli("cylinder-check", "--help").code());
    }

    @Test
    void fillChecksHoldsAndChargesInOneGoAndExitsZeroOnlyWhenPaid() {
        Scenario.Enrolled driver = scenario.enrolled(Users.BOB, 500_000);
        String tag = Cylinders.tag();
        Cylinders.confirmed(Users.BOB, Cylinders.certificate(driver.vehicleId(), tag, TODAY, Map.of()));

        Run paid = cli("fill", "--tag", tag, "--plate", driver.plate(), "--amount", "48.30", "--pump", "2", "--attendant", "att-9");

        assertEquals(HandheldCli.OK, paid.code(), paid.err());
        assertTrue(paid.err().contains("PAID 48.30 CNY"), paid.err());
        assertEquals(500_000 - 4_830, bank.balance(driver.account()));
        assertEquals(1, Ledgers.count(pool, "select count(*) from holds where plate = $1 and status = 'COMPLETED' and captured = 4830",
                driver.plate()));
        assertEquals(List.of("att-9 2"), Ledgers.strings(pool, "select attendant || ' ' || pump from charges where plate = $1", driver.plate()));

        Run over = cli("fill", "--tag", tag, "--plate", driver.plate(), "--amount", "70.00");
        assertEquals(HandheldCli.NOT_PAID, over.code(), over.err());
        assertTrue(over.out().contains("OVER_HOLD"), "66.33 CNY fills the tank: " + over.out());
        assertEquals(500_000 - 4_830, bank.balance(driver.account()));
    }

    @Test
    void fillOfAnOverdueCylinderChargesNothing() {
        Scenario.Enrolled driver = scenario.enrolled(Users.CHEN, 500_000);
        String tag = Cylinders.tag();
        Cylinders.confirmed(Users.CHEN, Cylinders.certificate(driver.vehicleId(), tag, TODAY,
                Map.of("lastInspectedOn", TODAY.minusYears(3).toString(), "nextInspectionDue", TODAY.minusDays(5).toString())));

        Run run = cli("fill", "--tag", tag, "--plate", driver.plate(), "--amount", "10");

        assertEquals(HandheldCli.DO_NOT_FILL, run.code(), run.err());
        assertEquals(500_000, bank.balance(driver.account()));
        assertEquals(0, Ledgers.count(pool, "select count(*) from charges where plate = $1", driver.plate()));
    }

    @Test
    void theShiftReportListsWhatTheDeviceSentAndTheServerDidNotRecord() throws Exception {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 500_000);
        assertEquals(HandheldCli.OK, cli("charge", "--plate", driver.plate(), "--amount", "12.00", "--pump", "1", "--attendant", "a7").code());
        assertEquals(HandheldCli.OK, cli("charge", "--plate", driver.plate(), "--amount", "8.50").code());
        String username = "att-" + com.platepay.protocol.Ids.newUuidV7().substring(28).toLowerCase();
        Users.OLGA.api().body(Map.of("username", username, "email", username.replaceAll("[^a-z0-9]", "") + "@platepay.test",
                "firstName", "Ann", "lastName", "Attendant", "siteIds", List.of(site))).post("/api/v1/operator/attendants").then().statusCode(201);
        com.platepay.testing.TestIdentities identities = com.platepay.testing.TestIdentities.get();
        String password = com.platepay.testing.TestIdentities.randomPassword();
        identities.admin().createUser(username, password, username + "@platepay.test", "Ann", "Attendant", "attendant");
        String token = identities.admin().passwordGrant(com.platepay.testing.TestIdentities.TEST_CLIENT, username, password);
        String server = "http://127.0.0.1:" + io.restassured.RestAssured.port;

        Run clean = cli("shift-report", "--token", token, "--server", server);
        assertEquals(HandheldCli.OK, clean.code(), clean.err() + clean.out());
        assertTrue(clean.err().contains("the device sent 2 charge(s), the server recorded 2 (2 approved, 20.50)"), clean.err());

        // A charge the device kept as sent that never reached the server (lost before the broker).
        Path sent = dir.resolve("handheld.sent");
        String lost = com.platepay.protocol.Ids.newUuidV7();
        Files.writeString(sent.resolve(lost + ".json"), "{\"chargeId\":\"" + lost + "\",\"plate\":\"" + driver.plate()
                + "\",\"amount\":300,\"currency\":\"CNY\",\"capturedAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\"}");
        Run differs = cli("shift-report", "--token", token, "--server", server);
        assertEquals(HandheldCli.DIFFERENCES, differs.code(), differs.err());
        assertTrue(differs.out().contains("SENT_NOT_RECORDED") && differs.out().contains(lost), differs.out());

        Users.OLGA.api().get("/api/v1/operator/sites").then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/attendant/devices/" + java.util.UUID.randomUUID() + "/shift-report")
                .then().statusCode(404);
    }
}
