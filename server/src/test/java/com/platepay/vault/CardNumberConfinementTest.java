package com.platepay.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Bank;
import com.platepay.testing.LogCapture;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The card number goes in once and never comes out: not in responses, logs, results or any database column. */
@QuarkusTest
@WithTestResource(TestStack.class)
class CardNumberConfinementTest {

    @ConfigProperty(name = "platepay.bank.url")
    String bankUrl;
    @ConfigProperty(name = "platepay.mqtt.embedded.plain-port")
    int mqttPort;
    @Inject
    Pool pool;

    @Test
    void theCardNumberAppearsNowhereButTheVaultCiphertext() {
        Bank bank = new Bank(bankUrl);
        Scenario scenario = new Scenario(bank);
        try (LogCapture logs = LogCapture.start()) {
            Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 20_000);
            String pan = driver.account().pan();
            try (TestHandheld handheld = new TestHandheld(scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD"),
                    "127.0.0.1", mqttPort)) {
                assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 100)).status());
                assertFalse(new String(handheld.rawResults.peek(), StandardCharsets.UTF_8).contains(pan));
            }
            // A refused card add must not echo the number either.
            Users.ALICE.api().body(Map.of("cardNumber", pan, "expiryMonth", 12, "expiryYear", 2031))
                    .post("/api/v1/me/cards").then().statusCode(409);
            Users.ALICE.api().body("{\"cardNumber\": \"" + pan + "\", \"expiryMonth\": \"twelve\"}")
                    .post("/api/v1/me/cards").then().statusCode(400);

            assertTrue(logs.lines().stream().noneMatch(line -> line.contains(pan)), "a log line contained the card number");
            for (Row row : pool.query("select * from cards").execute().await().indefinitely()) {
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.getValue(i);
                    String text = value instanceof io.vertx.core.buffer.Buffer b ? b.toString(StandardCharsets.ISO_8859_1)
                            : String.valueOf(value);
                    assertFalse(text.contains(pan), "card column " + row.getColumnName(i) + " holds the plain number");
                }
            }
            for (String table : new String[] {"charges", "mandates", "notifications", "ledger_entries"}) {
                for (Row row : pool.query("select * from " + table).execute().await().indefinitely()) {
                    assertFalse(row.toJson().encode().contains(pan), table + " holds the card number");
                }
            }
        }
    }
}
