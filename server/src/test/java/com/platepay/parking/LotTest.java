package com.platepay.parking;

import com.platepay.testing.Bank;
import com.platepay.testing.Plates;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestLane;
import com.platepay.testing.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a parking test on the real stack starts from: a fresh lot of Olga's with an entry and an exit lane (real
 * MQTT clients with the cameras' keys), its tariff set through the operator API, and drivers enrolled for PARKING.
 * The demo tariff: the first hour 5.00 from the first minute, then 3.00 an hour, 50.00 a day, 15 minutes' grace.
 */
abstract class LotTest extends StackTest {

    static final int THRESHOLD = 900;

    String siteId;
    TestLane entry;
    TestLane exit;

    @BeforeEach
    void lot() {
        siteId = scenario.site(Users.OLGA, "PARKING");
        saveLot(siteId, Map.of());
        entry = lane(siteId, "entry-1", "ENTRY");
        exit = lane(siteId, "exit-1", "EXIT");
    }

    @AfterEach
    void closeLanes() {
        entry.close();
        exit.close();
        assertBooksBalance();
    }

    /** The demo tariff with {@code changes} over it (e.g. another decline policy), saved as Olga; Oscar gets a 404. */
    static Map<String, Object> saveLot(String site, Map<String, Object> changes) {
        Map<String, Object> lot = new HashMap<>();
        lot.put("timeZone", "Asia/Harbin");
        lot.put("freeMinutes", 0);
        lot.put("firstPeriodMinutes", 60);
        lot.put("firstPeriodPrice", 500);
        lot.put("periodMinutes", 60);
        lot.put("periodPrice", 300);
        lot.put("dailyCap", 5000);
        lot.put("graceMinutes", 15);
        lot.put("declinePolicy", "OPEN_ARREARS");
        lot.put("maxDebitAttempts", 3);
        lot.put("repeatWindowSeconds", 30);
        lot.putAll(changes);
        Users.OLGA.api().body(lot).put("/api/v1/operator/parking/lots/" + site).then().statusCode(200);
        Users.OSCAR.api().body(lot).put("/api/v1/operator/parking/lots/" + site).then().statusCode(404);
        return lot;
    }

    TestLane lane(String site, String name, String direction) {
        Scenario.DeviceCredentials camera = scenario.device(Users.OLGA, site, "CAMERA");
        Users.OLGA.api().body(Map.of("deviceId", camera.deviceId(), "name", name, "direction", direction, "confidenceThreshold", THRESHOLD))
                .post("/api/v1/operator/parking/lots/" + site + "/lanes").then().statusCode(201);
        return new TestLane(camera, mqttPort);
    }

    Scenario.Enrolled parkingDriver(long balance) {
        return parkingDriver(Users.ALICE, balance, Plates.random());
    }

    Scenario.Enrolled parkingDriver(long balance, String plate) {
        return parkingDriver(Users.ALICE, balance, plate);
    }

    Scenario.Enrolled parkingDriver(Users driver, long balance, String plate) {
        Bank.Account account = bank.openAccount("DEBIT", balance);
        String vehicle = scenario.vehicle(driver, plate);
        String card = scenario.card(driver, account);
        String mandate = scenario.mandate(driver, vehicle, card, 50_000, 100_000, List.of("PARKING"));
        return new Scenario.Enrolled(plate, vehicle, card, mandate, account);
    }

    List<Map<String, Object>> sessions(String site, String status) {
        return Users.OLGA.api().queryParam("status", status).get("/api/v1/operator/parking/lots/" + site + "/sessions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    List<Map<String, Object>> reviewQueue() {
        return sessions(siteId, "REVIEW");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> session(String id) {
        return Users.OLGA.api().get("/api/v1/operator/parking/sessions/" + id).then().statusCode(200).extract().as(Map.class);
    }

    /** Debits the bank recorded on the account: approved and declined, each once. */
    long debitsWithStatus(Bank.Account account, String status) {
        return bank.debits(account).stream().filter(d -> status.equals(d.get("status"))).count();
    }
}
