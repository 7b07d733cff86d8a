package com.platepay.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.platepay.testing.TestIdentities;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright (no browser download), with what the app's browser tests share:
 * a phone-sized page that records every Content-Security-Policy violation and script error, screenshots under
 * target/screenshots, and axe-core run inside the page.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    /** Skips the calling test (with the reason) when Chromium is not installed. */
    static Browser start() {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no browser at " + CHROMIUM + " (apt-get install chromium)");
        return new Browser();
    }

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--lang=en-GB")));
    }

    /** Keycloak answers the pages' token requests only from an allowed origin; the test server's port is random. */
    static void allowThisOrigin() {
        for (String client : List.of("platepay-driver-app", "platepay-operator-console")) {
            TestIdentities.get().admin().allowWebOrigin(client, origin());
        }
    }

    static String origin() {
        return "http://localhost:" + RestAssured.port;
    }

    /** A page of the given width (360 is a small phone), with its problems collected. */
    Tab tab(int width, int height) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setDeviceScaleFactor(1).setLocale("en-GB"));
        Page page = context.newPage();
        page.setDefaultTimeout(20_000);
        Tab tab = new Tab(context, page);
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Content-Security-Policy")) {
                tab.problems.add("CSP: " + m.text());
            }
        });
        page.onPageError(e -> tab.problems.add("script error: " + e));
        return tab;
    }

    @Override
    public void close() {
        playwright.close();
    }

    static final class Tab implements AutoCloseable {
        final BrowserContext context;
        final Page page;
        final List<String> problems = new ArrayList<>();

        Tab(BrowserContext context, Page page) {
            this.context = context;
            this.page = page;
        }

        void screenshot(String name) {
            try {
                Files.createDirectories(SCREENSHOTS);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        }

        /** Runs axe-core (from the npm package the build fetched) in the page; fails listing every violation. */
        void assertAccessible(String where) {
            if (page.evaluate("() => typeof window.axe") .equals("undefined")) {
                page.evaluate(axeSource());
            }
            String result = (String) page.evaluate("async () => JSON.stringify((await axe.run(document, "
                    + "{ resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, "
                    + "nodes: v.nodes.map(n => n.target.join(' ')) })))");
            try {
                JsonNode violations = JSON.readTree(result);
                assertEquals(0, violations.size(), "axe-core found accessibility violations on " + where + ": "
                        + violations.toPrettyString());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** No CSP violation and no script error so far, and no horizontal scrolling at this width. */
        void assertClean(String where) {
            assertEquals(List.of(), problems, "on " + where);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(((Number) overflow).intValue() <= 0, where + " scrolls sideways by " + overflow + " px");
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static String axeSource() {
        Path axe = Path.of(System.getProperty("axe-core.js", "target/axe-core/package/axe.min.js"));
        try {
            return Files.readString(axe);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("axe-core is missing at " + axe.toAbsolutePath()
                    + " (the build fetches it in generate-test-resources: ./mvnw -pl server -am verify)", e);
        }
    }
}
