package com.platepay.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.protocol.status.Presence;
import com.platepay.testing.Plates;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestIdentities;
import com.platepay.testing.TestLane;
import com.platepay.testing.TestLots;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator console in a real browser at desktop width, against the whole stack: the operator creates a device
 * and sees its credentials once (with the QR code), a handheld's charge appears in the live feed without reloading,
 * the operator refunds part of it and the driver's app shows the refund, approves a vehicle proof, resolves two
 * disputes (one rejected with an answer, one accepted with a refund), reconciles the day and downloads it as CSV,
 * and looks at the charts; an admin sees the operators, the stuck charges and the audit log. Every page is checked
 * with axe-core and for CSP violations and script errors; screenshots go to target/screenshots.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class ConsoleTest extends StackTest {

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void allowThisPage() {
        Browser.allowThisOrigin();
    }

    @Test
    void anOperatorRunsTheDayFromTheConsole() throws Exception {
        String siteName = "Console GAS " + System.nanoTime() % 100_000;
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 100_000);
        try (Browser.Tab tab = browser.tab(1366, 900)) {
            Page page = tab.page;
            signIn(page, Users.OLGA);

            // A site and a device: its credentials are shown once, with a QR code.
            page.navigate(Browser.origin() + "/console/#/sites");
            page.fill("#site-name", siteName);
            page.selectOption("#site-category", "GAS");
            page.click("#site-form button[type=submit]");
            Locator section = page.locator("div[data-site]:has(h2:has-text('" + siteName + "'))");
            section.waitFor();
            String siteId = section.getAttribute("data-site");
            page.fill("#site-" + siteId + "-name", "handheld-1");
            page.click("[data-device-form='" + siteId + "'] button[type=submit]");
            page.waitForSelector("#credentials-dialog #device-qr");
            Locator secrets = page.locator("#device-credentials code");
            Scenario.DeviceCredentials device = new Scenario.DeviceCredentials(secrets.nth(0).textContent(), siteId,
                    secrets.nth(1).textContent(), secrets.nth(2).textContent(), secrets.nth(3).textContent());
            assertTrue(Integer.parseInt(page.getAttribute("#device-qr", "data-modules")) >= 21);
            tab.screenshot("20-console-device-credentials");
            tab.assertAccessible("the device's credentials");
            page.click("#credentials-dialog button:has-text('Close')");
            page.waitForSelector("#credentials-dialog", new Page.WaitForSelectorOptions().setState(
                    com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            // Once: neither the page nor the API shows the secret again.
            assertFalse(page.content().contains(device.password()));
            assertFalse(Users.OLGA.api().get("/api/v1/operator/devices/" + device.deviceId()).then().statusCode(200)
                    .extract().asString().contains(device.password()));
            section.locator("td:has-text('handheld-1')").waitFor();
            // Its online status, live: the handheld connects with its last will and says ONLINE; the page follows.
            AtomicLong seq = new AtomicLong(System.currentTimeMillis());
            Presence presence = new Presence(new EnvelopeSigner(DeviceKeys.decodePrivate(device.privateKey())), device.deviceId(), siteId,
                    seq::incrementAndGet);
            Mqtt5BlockingClient connected = MqttClient.builder().useMqttVersion5().identifier(device.deviceId()).serverHost("127.0.0.1")
                    .serverPort(mqttPort).simpleAuth().username(device.deviceId())
                    .password(device.password().getBytes(java.nio.charset.StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
            connected.connectWith().willPublish().topic(presence.topic()).payload(presence.will()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .applyWillPublish().send();
            connected.publishWith().topic(presence.topic()).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(presence.online()).send();
            section.locator("[data-online='ONLINE']").waitFor();
            tab.screenshot("21-console-sites");
            tab.assertAccessible("sites and devices");
            connected.publishWith().topic(presence.topic()).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(presence.goodbye()).send();
            connected.disconnect();
            section.locator("[data-online='OFFLINE']").waitFor();

            // Staff: an attendant for that site, then moved to work at a second one too.
            String second = scenario.site(Users.OLGA, "GAS");
            String username = "con" + System.nanoTime() % 1_000_000;
            page.navigate(Browser.origin() + "/console/#/staff");
            page.fill("#staff-username", username);
            page.fill("#staff-email", username + "@platepay.test");
            page.fill("#staff-first", "Lin");
            page.fill("#staff-last", "Attendant");
            page.check("#staff-form input[value='" + siteId + "']");
            page.click("#staff-form button[type=submit]");
            page.waitForSelector("#staff-issued:has-text('" + username + "')");
            String attendant = Users.OLGA.api().get("/api/v1/operator/attendants").then().statusCode(200).extract().jsonPath()
                    .getString("find { it.username == '" + username + "' }.id");
            page.click("[data-assign='" + attendant + "']");
            page.check("#assign-form input[value='" + second + "']");
            page.click("#assign-form button[type=submit]");
            page.waitForSelector("#assign-dialog", new Page.WaitForSelectorOptions().setState(
                    com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            assertEquals(java.util.Set.of(siteId, second), java.util.Set.copyOf(Users.OLGA.api().get("/api/v1/operator/attendants")
                    .then().extract().jsonPath().getList("find { it.username == '" + username + "' }.siteIds", String.class)));
            tab.screenshot("21b-console-staff");
            tab.assertAccessible("the staff page");

            // The live feed: a charge from that handheld appears without reloading.
            page.navigate(Browser.origin() + "/console/#/live");
            page.waitForSelector("#live-state .badge-live");
            String ref;
            try (TestHandheld handheld = new TestHandheld(device, "127.0.0.1", mqttPort)) {
                ref = charge(handheld, alice.plate(), 12_850);
                charge(handheld, alice.plate(), 4_000);
            }
            String row = "#charges-table tr[data-charge-ref='" + ref + "']";
            page.waitForSelector(row + " .badge-approved");
            assertTrue(page.textContent(row).contains("CNY 128.50"), page.textContent(row));
            tab.screenshot("22-console-live");
            tab.assertAccessible("the live feed");

            // A partial refund from the feed.
            page.click(row + " [data-refund]");
            page.fill("#refund-amount", "30.00");
            page.fill("#refund-reason", "pump 3 over-read");
            tab.screenshot("23-console-refund-dialog");
            tab.assertAccessible("the refund dialog");
            page.click("#refund-form button[type=submit]");
            page.waitForFunction("() => { const r = document.querySelector(\"" + row + "\"); return r && r.textContent.includes('CNY 30.00'); }");
            String chargeId = page.getAttribute(row, "data-charge");
            assertEquals(3_000, ((Number) Users.OLGA.api().queryParam("chargeId", chargeId).get("/api/v1/operator/refunds")
                    .then().statusCode(200).extract().path("[0].amount")).longValue());
            tab.assertClean("the live feed");

            // Chinese, once.
            page.click("#language");
            page.waitForSelector("#live-state .badge-live:has-text('实时')");
            page.waitForSelector(row + " .badge-approved:has-text('已支付')");
            tab.screenshot("24-console-live-zh");
            tab.assertAccessible("the live feed in Chinese");
            page.click("#language");

            // Review queues: a vehicle proof, and two disputes of Alice's.
            String vehicle = scenario.unverifiedVehicle(Users.BOB, Plates.random(), "BLUE");
            String proof = scenario.uploadProof(Users.BOB, vehicle);
            String other = page.getAttribute("#charges-table tr[data-charge-ref]:not([data-charge-ref='" + ref + "'])", "data-charge");
            String rejected = dispute(chargeId, "WRONG_AMOUNT");
            String accepted = dispute(other, "DUPLICATE");
            page.navigate(Browser.origin() + "/console/#/reviews");
            page.waitForSelector("[data-approve='" + proof + "']");
            tab.screenshot("25-console-reviews");
            tab.assertAccessible("the review queues");
            page.click("[data-approve='" + proof + "']");
            page.waitForSelector("[data-approve='" + proof + "']", new Page.WaitForSelectorOptions().setState(
                    com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            assertEquals("APPROVED", Users.BOB.api().get("/api/v1/me/vehicles/" + vehicle).then().extract().path("verification"));

            page.click("[data-reject-dispute='" + rejected + "']");
            page.fill("#answer-text", "The pump log shows the full amount; 30.00 was refunded for the over-read.");
            page.click("#answer-form button[type=submit]");
            page.waitForSelector("[data-reject-dispute='" + rejected + "']", new Page.WaitForSelectorOptions().setState(
                    com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            Users.ALICE.api().get("/api/v1/me/disputes/" + rejected).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("REJECTED"))
                    .body("resolutionNote", org.hamcrest.Matchers.containsString("pump log"));

            page.click("[data-accept='" + accepted + "']");
            page.waitForSelector("#refund-form");
            page.fill("#refund-reason", "charged twice");
            page.click("#refund-form button[type=submit]");
            page.waitForSelector("[data-accept='" + accepted + "']", new Page.WaitForSelectorOptions().setState(
                    com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            Users.ALICE.api().get("/api/v1/me/disputes/" + accepted).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UPHELD"));
            Users.ALICE.api().get("/api/v1/me/history/" + other).then().statusCode(200).body("charge.refunded", org.hamcrest.Matchers.equalTo(4_000));
            tab.assertClean("the review queues");

            // The day's settlement reconciles with the bank's file, and downloads as CSV.
            page.navigate(Browser.origin() + "/console/#/settlement");
            page.waitForSelector("#settle-form");
            page.selectOption("#settle-site", siteId);
            page.fill("#settle-date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
            page.click("#settle-form button[type=submit]");
            // Approved 128.50 + 40.00; refunded 30.00 + 40.00.
            page.waitForFunction("() => (document.querySelector('#settle-totals') || {}).textContent?.includes('CNY 168.50')");
            assertEquals("Reconciled", page.textContent("#settle-verdict"));
            assertEquals(4, page.locator("#settle-items .badge-matched").count(), "two debits and two refunds matched");
            tab.screenshot("26-console-settlement");
            tab.assertAccessible("the settlement");
            Download csv = page.waitForDownload(() -> page.click("#settle-csv"));
            String text = Files.readString(csv.path());
            assertTrue(text.contains("reconciled,true") && text.contains("MATCHED,REFUND"), text);
            tab.assertClean("the settlement");

            page.navigate(Browser.origin() + "/console/#/charts");
            page.waitForSelector("#chart-revenue");
            page.waitForFunction("() => window.Chart && Object.keys(window.Chart.instances || {}).length === 3");
            tab.screenshot("27-console-charts");
            tab.assertAccessible("the charts");
            tab.assertClean("the charts");
        }

        // The driver's app shows the refund on the charge.
        try (Browser.Tab tab = browser.tab(360, 780)) {
            Page page = tab.page;
            DriverAppTest.signIn(page, Users.ALICE);
            page.waitForSelector("#live-charges li[data-charge-ref] >> text=Refunded CNY 30.00");
            tab.screenshot("28-driver-sees-refund");
            tab.assertClean("the driver's home with a refund");
        }
    }

    /**
     * A parking exit read too unsure to debit waits in the review queue; the operator reads the plate from the lane's
     * photo, resolves the stay to it, and the stay is debited once.
     */
    @Test
    void anOperatorResolvesAnUnsureParkingRead() throws Exception {
        Scenario.Enrolled driver = scenario.enrolled(Users.BOB, 10_000, 5_000, 20_000, List.of("PARKING"));
        String site = TestLots.lot(scenario, Users.OLGA);
        try (TestLane entry = TestLots.lane(scenario, Users.OLGA, site, "in", "ENTRY", mqttPort);
             TestLane exit = TestLots.lane(scenario, Users.OLGA, site, "out", "EXIT", mqttPort);
             Browser.Tab tab = browser.tab(1366, 900)) {
            LaneCommand in = entry.send(TestLane.read(PlateRead.Direction.ENTRY, driver.plate(), 990, List.of(), false));
            LaneCommand out = exit.send(TestLane.read(PlateRead.Direction.EXIT, driver.plate(), 700, List.of(), false));
            assertEquals("REVIEW", out.decision(), "below the lane's threshold: a person decides");
            assertEquals(10_000, bank.balance(driver.account()));

            Page page = tab.page;
            signIn(page, Users.OLGA);
            page.navigate(Browser.origin() + "/console/#/reviews");
            page.click("[data-resolve-stay='" + in.sessionId() + "']");
            page.waitForSelector("#resolve-dialog #resolve-plate");
            assertEquals(driver.plate(), page.inputValue("#resolve-plate"), "the read plate is offered to confirm or correct");
            tab.screenshot("29-console-resolve-parking-read");
            tab.assertAccessible("resolving a parking read");
            page.click("#resolve-form button[type=submit]");
            page.waitForSelector("[data-resolve-stay='" + in.sessionId() + "']", new Page.WaitForSelectorOptions().setState(
                    com.microsoft.playwright.options.WaitForSelectorState.DETACHED));

            assertEquals(10_000 - 500, bank.balance(driver.account()), "the first hour, debited once");
            assertEquals("PAID", Users.OLGA.api().get("/api/v1/operator/parking/sessions/" + in.sessionId()).then().statusCode(200)
                    .extract().path("status"));
        }
    }

    @Test
    void anAdminSeesTheOperatorsTheStuckChargesAndTheAuditLog() {
        scenario.site(Users.OLGA, "GAS");
        try (Browser.Tab tab = browser.tab(1366, 900)) {
            Page page = tab.page;
            signIn(page, Users.ADA);
            page.waitForSelector("#operators-table");
            assertTrue(page.textContent("#operators-table").contains("olga") || page.textContent("#operators-table").contains("Olga"),
                    page.textContent("#operators-table"));
            tab.screenshot("29-console-admin-operators");
            tab.assertAccessible("the operators");
            page.navigate(Browser.origin() + "/console/#/stuck");
            page.waitForSelector("#stuck table");
            tab.assertAccessible("the stuck charges");
            page.navigate(Browser.origin() + "/console/#/audit");
            page.waitForSelector("#audit-table");
            tab.screenshot("30-console-admin-audit");
            tab.assertAccessible("the audit log");
            tab.assertClean("the admin pages");
        }
    }

    private String dispute(String chargeId, String reason) {
        return Users.ALICE.api().body(Map.of("chargeId", chargeId, "reason", reason)).post("/api/v1/me/disputes")
                .then().statusCode(201).extract().path("id");
    }

    private static String charge(TestHandheld handheld, String plate, long amount) {
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), plate, amount);
        ChargeResult result = handheld.charge(request);
        assertEquals(ResultStatus.APPROVED, result.status());
        return result.chargeId();
    }

    static void signIn(Page page, Users user) {
        page.navigate(Browser.origin() + "/console/");
        page.click("#sign-in-staff");
        page.waitForSelector("#kc-login");
        page.fill("#username", user.name);
        page.fill("#password", TestIdentities.get().password(user));
        page.click("#kc-login");
        page.waitForSelector("#tabs:not([hidden])");
    }
}
