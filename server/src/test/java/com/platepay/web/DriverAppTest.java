package com.platepay.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.testing.Bank;
import com.platepay.testing.Plates;
import com.platepay.testing.ProofImages;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestIdentities;
import com.platepay.testing.TestLane;
import com.platepay.testing.TestLots;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's app in a real browser at a small phone's width (360 px), against the whole stack: a new driver signs
 * up through Keycloak, adds a vehicle with the photo of its licence (an operator approves it through the API), adds
 * a card, agrees to plate payment, sees a handheld's charge appear without reloading, disputes it, pauses plate
 * payment and sees the next charge declined; then the same in Chinese; and settles parking arrears from the home page. Every page is checked with axe-core, for CSP
 * violations and script errors, and for sideways scrolling; screenshots go to target/screenshots.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class DriverAppTest extends StackTest {

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
    void aNewDriverGoesFromSignUpToTheirFirstLiveDebitDisputesItAndPauses() {
        String username = "walk" + System.nanoTime() % 1_000_000;
        String plate = Plates.random();
        Bank.Account account = bank.openAccount("DEBIT", 100_000);
        try (Browser.Tab tab = browser.tab(360, 780); TestHandheld handheld = newHandheld()) {
            Page page = tab.page;
            page.navigate(Browser.origin() + "/");
            page.waitForSelector("#sign-up-driver");
            tab.screenshot("01-welcome");
            tab.assertAccessible("the welcome page");
            tab.assertClean("the welcome page");

            // Sign up through Keycloak's own form: the page never sees the password.
            page.click("#sign-up-driver");
            page.waitForSelector("#password-confirm");
            assertTrue(page.url().contains("code_challenge_method=S256"), "PKCE: " + page.url());
            page.fill("#username", username);
            page.fill("#email", username + "@platepay.test");
            page.fill("#firstName", "Wen");
            page.fill("#lastName", "Driver");
            String password = TestIdentities.randomPassword();
            page.fill("#password", password);
            page.fill("#password-confirm", password);
            page.click("[type=submit]");
            page.waitForSelector("#tabs:not([hidden])");
            assertEquals("Signed in as " + username, page.textContent("#who"));
            page.waitForSelector("#live-charges .empty");
            assertNoTokenInStorage(page);

            // The vehicle, with the photo of its licence.
            page.click("a[data-route=vehicles]");
            page.fill("#plate", plate.substring(0, 2) + " " + plate.substring(2).toLowerCase());
            page.selectOption("#colour", "BLUE");
            page.setInputFiles("#proof-new", new FilePayload("licence.png", "image/png", ProofImages.png()));
            page.click("#add-vehicle button[type=submit]");
            page.waitForSelector("#vehicle-list li:has-text('" + plate + "') .badge-pending");
            tab.screenshot("02-vehicle-under-review");
            tab.assertAccessible("the vehicles page");

            // An operator approves it through the API; the page learns of it from the live stream.
            String proofId = Users.OLGA.api().get("/api/v1/operator/vehicle-proofs").then().statusCode(200).extract().jsonPath()
                    .getString("find { it.plate == '" + plate + "' }.id");
            Users.OLGA.api().post("/api/v1/operator/vehicle-proofs/" + proofId + "/approve").then().statusCode(200);
            page.waitForSelector("#vehicle-list li:has-text('" + plate + "') .badge-approved");

            // A card: the number goes to the vault; the page shows the bank and the last four only.
            page.click("a[data-route=cards]");
            page.fill("#card-number", account.pan().replaceAll("(.{4})", "$1 ").trim());
            page.selectOption("#card-month", "12");
            page.selectOption("#card-year", "2031");
            page.click("#add-card button[type=submit]");
            page.waitForSelector("#card-list li:has-text('" + account.pan().substring(12) + "')");
            assertFalse(page.content().contains(account.pan()), "the full card number must not be in the page");
            assertFalse(page.content().contains(account.pan().substring(0, 6) + "******"), "not even the BIN");
            tab.screenshot("03-card");
            tab.assertAccessible("the cards page");

            // Plate payment, with the consent text shown before agreeing.
            page.click("a[data-route=mandates]");
            page.fill("#mandate-per-charge", "300");
            page.fill("#mandate-daily", "800");
            page.click("#review-consent");
            page.waitForSelector("#consent-text");
            String consent = page.textContent("#consent-text");
            assertTrue(consent.contains(plate) && consent.contains("CNY 300.00") && consent.contains(account.pan().substring(12)), consent);
            assertTrue(page.isDisabled("#create-mandate-button"), "nothing is created before the driver agrees");
            tab.assertAccessible("the consent");
            page.check("#consent-agree");
            page.click("#create-mandate-button");
            page.waitForSelector("#mandate-list li:has-text('" + plate + "') .badge-active");
            tab.screenshot("04-plate-payment");
            tab.assertAccessible("the plate payment page");

            // A charge from the handheld appears on the open page without a reload.
            page.click("a[data-route=home]");
            page.waitForSelector("[data-live-state] .badge-live");
            String chargeRef = Ids.newUuidV7();
            ChargeResult paid = handheld.charge(TestHandheld.request(chargeRef, plate, 12_850));
            assertEquals(ResultStatus.APPROVED, paid.status());
            page.waitForSelector("#live-charges li[data-charge-ref='" + chargeRef + "'].fresh");
            String line = page.textContent("#live-charges li[data-charge-ref='" + chargeRef + "']");
            assertTrue(line.contains("CNY 128.50") && line.contains("Site GAS") && line.contains("Pump 3")
                    && line.contains(account.pan().substring(12)), line);
            tab.screenshot("05-live-charge");
            tab.assertAccessible("the home page with a live charge");

            // Dispute it, with the evidence in view.
            page.click("#live-charges li[data-charge-ref='" + chargeRef + "'] a");
            page.waitForSelector("#evidence");
            assertTrue(page.textContent("#evidence").contains("Site GAS"));
            page.selectOption("#dispute-reason", "WRONG_AMOUNT");
            page.fill("#dispute-text", "I filled 20 m3, not 25.3");
            tab.assertAccessible("a charge with its evidence");
            page.click("#dispute-form button[type=submit]");
            page.waitForSelector("h1:has-text('Dispute of CNY 128.50')");
            page.waitForSelector(".badge-open");
            tab.screenshot("06-dispute");
            tab.assertAccessible("the dispute");

            // Pause plate payment; the next charge is declined, and the page shows it.
            page.click("a[data-route=mandates]");
            page.click("#mandate-list li:has-text('" + plate + "') [data-action=pause]");
            page.waitForSelector("#mandate-list li:has-text('" + plate + "') .badge-paused");
            page.click("a[data-route=home]");
            page.waitForSelector("[data-live-state] .badge-live");
            String secondRef = Ids.newUuidV7();
            ChargeResult declined = handheld.charge(TestHandheld.request(secondRef, plate, 5_000));
            assertEquals(ResultStatus.DECLINED, declined.status());
            assertEquals(ReasonCodes.MANDATE_PAUSED, declined.reasonCode());
            page.waitForSelector("#live-charges li[data-charge-ref='" + secondRef + "'] .badge-declined");
            assertTrue(page.textContent("#live-charges li[data-charge-ref='" + secondRef + "']").contains("Plate payment paused"));
            tab.screenshot("07-declined-after-pause");
            assertEquals(100_000 - 12_850, bank.balance(account));

            // The same app in Chinese.
            page.click("#language");
            page.waitForSelector("html[lang=zh-CN]");
            page.waitForSelector("h1:has-text('我的扣款')");
            page.waitForSelector("#live-charges li[data-charge-ref='" + chargeRef + "']:has-text('¥128.50')");
            tab.screenshot("08-home-chinese");
            tab.assertAccessible("the home page in Chinese");
            page.click("a[data-route=history]");
            page.waitForSelector("#history-list li");
            tab.assertAccessible("the history in Chinese");
            page.click("a[data-route=alerts]");
            page.waitForSelector("#alert-list li:has-text('已支付')");
            tab.screenshot("09-notifications-chinese");
            tab.assertAccessible("the notifications in Chinese");
            assertNoTokenInStorage(page);
            tab.assertClean("the whole walk");
        }
    }

    @Test
    void theHistoryFiltersAndTheLayoutHoldsOnAWideScreenToo() {
        var enrolled = scenario.enrolled(Users.ALICE, 50_000, 10_000, 100_000, java.util.List.of("GAS"));
        try (TestHandheld handheld = newHandheld()) {
            handheld.charge(TestHandheld.request(Ids.newUuidV7(), enrolled.plate(), 2_000));
            handheld.charge(TestHandheld.request(Ids.newUuidV7(), enrolled.plate(), 20_000));
        }
        try (Browser.Tab tab = browser.tab(1280, 900)) {
            Page page = tab.page;
            signIn(page, Users.ALICE);
            page.navigate(Browser.origin() + "/#/history");
            page.fill("#filter-plate", enrolled.plate());
            page.selectOption("#filter-status", "DECLINED");
            page.click("#history-filters button[type=submit]");
            page.waitForFunction("() => document.querySelectorAll('#history-list li[data-charge]').length === 1");
            assertTrue(page.textContent("#history-list").contains("Over your per-charge cap"));
            tab.screenshot("10-history-filtered-wide");
            tab.assertAccessible("the filtered history, wide");
            tab.assertClean("the history, wide");
        }
    }

    @Test
    void aDriverSeesTheParkingArrearsOnTheHomePageAndSettlesThem() {
        String site = TestLots.lot(scenario, Users.OLGA);
        String plate = Plates.random();
        Bank.Account account = bank.openAccount("DEBIT", 10_000);
        String vehicle = scenario.vehicle(Users.ALICE, plate);
        scenario.mandate(Users.ALICE, vehicle, scenario.card(Users.ALICE, account), 50_000, 100_000, java.util.List.of("PARKING"));
        try (TestLane entry = TestLots.lane(scenario, Users.OLGA, site, "entry-1", "ENTRY", mqttPort);
             TestLane exit = TestLots.lane(scenario, Users.OLGA, site, "exit-1", "EXIT", mqttPort)) {
            entry.send(TestLane.read(PlateRead.Direction.ENTRY, plate, 990, java.util.List.of(), false));
            bank.fault("ERROR_500", 1, 0);   // the bank fails at the exit: the lot lets the car out and records the debt
            assertEquals("ARREARS", exit.send(TestLane.read(PlateRead.Direction.EXIT, plate, 990, java.util.List.of(), false)).decision());
        }
        try (Browser.Tab tab = browser.tab(360, 780)) {
            Page page = tab.page;
            signIn(page, Users.ALICE);
            String owed = "#arrears-list li:has-text('" + plate + "')";
            page.waitForSelector(owed + " .badge-arrears");
            assertTrue(page.textContent(owed).contains("CNY 5.00"), page.textContent(owed));
            tab.screenshot("11-parking-arrears");
            tab.assertAccessible("the home page with arrears");
            page.click(owed + " [data-settle]");
            page.waitForSelector(owed + " .badge-paid");
            assertEquals(10_000 - 500, bank.balance(account));
            tab.assertClean("the arrears");
        }
        assertEquals(1, Users.ALICE.api().queryParam("plate", plate).queryParam("status", "APPROVED").get("/api/v1/me/history")
                .then().statusCode(200).extract().jsonPath().getList("$").size());
    }

    @Test
    void pagesAndTheApiCarryAStrictPolicyAndSetNoCookie() {
        RestAssured.given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff").header("Set-Cookie", nullValue());
        String policy = RestAssured.given().get("/driver/app.js").then().statusCode(200).extract().header("Content-Security-Policy");
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        RestAssured.given().auth().oauth2(Users.ALICE.token()).get("/api/v1/me/vehicles").then().statusCode(200)
                .header("Set-Cookie", nullValue()).header("Cache-Control", "no-store");
        // The API takes bearer tokens only: a request with whatever cookies a browser holds, and no token, is refused.
        RestAssured.given().cookie("KEYCLOAK_SESSION", "anything").cookie("q_session", "anything").contentType("application/json")
                .body("{\"plate\":\"黑E12345\",\"colour\":\"BLUE\"}").post("/api/v1/me/vehicles").then().statusCode(401);
    }

    static void signIn(Page page, Users user) {
        page.navigate(Browser.origin() + "/");
        page.click("#sign-in-driver");
        page.waitForSelector("#kc-login");
        page.fill("#username", user.name);
        page.fill("#password", TestIdentities.get().password(user));
        page.click("#kc-login");
        page.waitForSelector("#tabs:not([hidden])");
    }

    private static void assertNoTokenInStorage(Page page) {
        String stored = (String) page.evaluate("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])");
        assertFalse(stored.contains("eyJ"), "no token (JWT) in web storage: " + stored);
    }
}
