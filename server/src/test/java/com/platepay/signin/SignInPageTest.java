package com.platepay.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.platepay.testing.Plates;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestIdentities;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in page in a real browser against the real Keycloak: authorisation code with PKCE through Keycloak's
 * own login form, back to the page, which then reads the API with the token. Needs Debian's chromium
 * (`.ci/run` installs it); skipped with a message without it.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class SignInPageTest extends StackTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no browser at " + CHROMIUM + " (apt-get install chromium)");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(List.of("--no-sandbox")));
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Keycloak answers the page's token request only from an allowed origin; the test server's port is random. */
    @BeforeEach
    void allowThisPage() {
        for (String client : List.of("platepay-driver-app", "platepay-operator-console")) {
            TestIdentities.get().admin().allowWebOrigin(client, "http://localhost:" + RestAssured.port);
        }
    }

    @Test
    void aDriverSignsInThroughKeycloakAndSeesOnlyTheirOwnVehicles() {
        String plate = Plates.random();
        scenario.vehicle(Users.ALICE, plate);
        String bobsPlate = Plates.random();
        scenario.vehicle(Users.BOB, bobsPlate);

        try (Page page = browser.newPage()) {
            signIn(page, "/", "#sign-in-driver", Users.ALICE);

            assertEquals("Signed in as alice", page.textContent("#who"));
            page.click("a[data-route=vehicles]");
            page.waitForSelector("#vehicle-list >> text=" + plate);
            String shown = page.textContent("#view");
            assertTrue(!shown.contains(bobsPlate), "another driver's plate must not show: " + shown);

            page.click("#sign-out");
            page.waitForSelector("#sign-in-driver");
            assertEquals("", page.textContent("#who"));
            // Signed out at Keycloak too: a reload does not sign in again by itself.
            page.reload();
            page.waitForSelector("#sign-in-driver");
            assertTrue(page.isHidden("#tabs"));
        }
    }

    @Test
    void aNewDriverSignsUpAndIsADriverAtOnce() {
        String username = "newdriver" + System.nanoTime() % 1_000_000;
        try (Page page = browser.newPage()) {
            page.navigate("http://localhost:" + RestAssured.port + "/");
            page.click("#sign-up-driver");
            page.waitForSelector("#password-confirm");
            page.fill("#username", username);
            page.fill("#email", username + "@platepay.test");
            page.fill("#firstName", "New");
            page.fill("#lastName", "Driver");
            String password = TestIdentities.randomPassword();
            page.fill("#password", password);
            page.fill("#password-confirm", password);
            page.click("[type=submit]");
            page.waitForSelector("#tabs:not([hidden])");

            assertEquals("Signed in as " + username, page.textContent("#who"));
            page.waitForSelector("#live-charges .empty");
            page.click("a[data-route=vehicles]");
            page.waitForSelector("#vehicle-list .empty");
            assertEquals("", page.textContent("#error"));
            // A reload signs in again silently through Keycloak's session: no password asked, no token stored.
            page.reload();
            page.waitForSelector("#tabs:not([hidden])");
            assertEquals("Signed in as " + username, page.textContent("#who"));
        }
    }

    @Test
    void anOperatorSignsInThroughTheStaffConsole() {
        String site = scenario.site(Users.OLGA, "PARKING");
        String siteName = Users.OLGA.api().get("/api/v1/operator/sites/" + site).then().extract().path("name");

        try (Page page = browser.newPage()) {
            signIn(page, "/console/", "#sign-in-staff", Users.OLGA);

            assertEquals("Signed in as olga (operator)", page.textContent("#who"));
            // The operator console (#14): its sites page lists the new site (found by its id; names repeat).
            page.navigate("http://localhost:" + RestAssured.port + "/console/#/sites");
            page.waitForSelector("#view [data-site='" + site + "']");
            assertTrue(page.textContent("#view [data-site='" + site + "']").contains(siteName));
            assertEquals("", page.textContent("#error"));
        }
    }

    @Test
    void aWrongPasswordStaysOnKeycloaksLoginForm() {
        try (Page page = browser.newPage()) {
            page.navigate("http://localhost:" + RestAssured.port + "/");
            page.click("#sign-in-driver");
            page.waitForSelector("#kc-login");
            page.fill("#username", Users.ALICE.name);
            page.fill("#password", "not-her-password");
            page.click("#kc-login");
            page.waitForSelector("text=Invalid username or password");
            assertTrue(page.url().contains("/realms/platepay/"), "still at Keycloak: " + page.url());
        }
    }

    private static void signIn(Page page, String path, String button, Users user) {
        page.navigate("http://localhost:" + RestAssured.port + path);
        page.click(button);
        page.waitForSelector("#kc-login");
        assertTrue(page.url().contains("code_challenge_method=S256"), "the page uses PKCE: " + page.url());
        page.fill("#username", user.name);
        page.fill("#password", TestIdentities.get().password(user));
        page.click("#kc-login");
        try {
            page.waitForSelector("#sign-out:not([hidden])");
        } catch (RuntimeException e) {
            throw new AssertionError("not signed in; the page says: " + page.textContent("#error") + " at " + page.url(), e);
        }
    }
}
