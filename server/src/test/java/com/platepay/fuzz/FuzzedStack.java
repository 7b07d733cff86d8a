package com.platepay.fuzz;

import com.platepay.protocol.sim.BrokerUrl;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestIdentities;
import com.platepay.testing.Users;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the fuzz tests aim at: a fresh handheld of a GAS site and a driver enrolled for GAS at the platform's highest caps. */
final class FuzzedStack {
    /** Same seed, same messages; another one with -Dfuzz.seed=N. */
    static final long SEED = Long.getLong("fuzz.seed", 20261201L);

    private FuzzedStack() {
    }

    static MessageFuzz.Target target(Scenario scenario, String bankUrl, int mqttPort) {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 10_000_000, 50_000, 100_000, List.of("GAS"));
        Scenario.DeviceCredentials d = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
        DeviceUnderTest device = DeviceUnderTest.of(d.deviceId(), d.siteId(), d.password(), d.privateKey(), d.serverPublicKey(),
                driver.plate());
        return new MessageFuzz.Target(device, new BrokerUrl("127.0.0.1", mqttPort, false), new BankDebits(bankUrl), driver.account().id());
    }

    /** A real token for each role; the attendant is a Keycloak account made for this run. */
    static Map<String, String> tokensByRole() {
        TestIdentities identities = TestIdentities.get();
        String attendant = "fuzz-attendant-" + UUID.randomUUID().toString().substring(0, 8);
        String password = TestIdentities.randomPassword();
        identities.admin().createUser(attendant, password, attendant + "@platepay.test", "Fuzz", "Attendant", "attendant");
        return Map.of("driver", Users.ALICE.token(), "operator", Users.OLGA.token(), "admin", Users.ADA.token(),
                "attendant", identities.admin().passwordGrant(TestIdentities.TEST_CLIENT, attendant, password));
    }

}
