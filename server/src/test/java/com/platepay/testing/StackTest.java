package com.platepay.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

/** What a test on the whole stack starts from: the bank (faults cleared), a scenario builder, the database. */
public abstract class StackTest {

    @ConfigProperty(name = "platepay.bank.url")
    protected String bankUrl;
    @ConfigProperty(name = "platepay.mqtt.embedded.plain-port")
    protected int mqttPort;
    @Inject
    protected Pool pool;

    protected Bank bank;
    protected Scenario scenario;

    @BeforeEach
    void prepareStack() {
        bank = new Bank(bankUrl);
        bank.clearFaults();
        scenario = new Scenario(bank);
    }

    /** A handheld of a fresh GAS site of Olga's, connected. */
    protected TestHandheld newHandheld() {
        return new TestHandheld(scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD"), "127.0.0.1", mqttPort);
    }

    protected void assertBooksBalance() {
        assertEquals(List.of(), Ledgers.unbalancedPostings(pool), "every ledger posting must sum to zero");
    }
}
