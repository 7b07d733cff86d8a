package com.platepay.enrollment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.platepay.testing.Bank;
import com.platepay.testing.Plates;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestStack.class)
class EnrollmentTest {

    @ConfigProperty(name = "platepay.bank.url")
    String bankUrl;

    Bank bank;
    Scenario scenario;

    @BeforeEach
    void setUp() {
        bank = new Bank(bankUrl);
        scenario = new Scenario(bank);
    }

    @Test
    void vehiclePlatesAreNormalisedAndValidated() {
        String plate = Plates.random();
        String spaced = plate.charAt(0) + plate.substring(1, 2).toLowerCase() + "·" + plate.substring(2);
        Users.ALICE.api().body(Map.of("plate", spaced, "colour", "blue")).post("/api/v1/me/vehicles")
                .then().statusCode(201).body("plate", equalTo(plate)).body("colour", equalTo("BLUE"));
        Users.ALICE.api().body(Map.of("plate", plate, "colour", "BLUE")).post("/api/v1/me/vehicles")
                .then().statusCode(409).body("code", equalTo("VEHICLE_EXISTS"));
        Users.ALICE.api().body(Map.of("plate", "黑EI2345", "colour", "BLUE")).post("/api/v1/me/vehicles")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("PLATE_INVALID"));
        Users.ALICE.api().body(Map.of("plate", plate, "colour", "pink")).post("/api/v1/me/vehicles")
                .then().statusCode(400).body("code", equalTo("PLATE_COLOUR_INVALID"));
        Users.ALICE.api().body("{\"plate\": ").post("/api/v1/me/vehicles")
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        Users.ALICE.api().body(Map.of("colour", "BLUE")).post("/api/v1/me/vehicles")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void onlyVerifiedDebitCardsAreVaultedAndTheNumberNeverComesBack() {
        Bank.Account debit = bank.openAccount("DEBIT", 10_000);
        String body = Users.ALICE.api()
                .body(Map.of("cardNumber", debit.pan(), "expiryMonth", 12, "expiryYear", 2031, "holderName", "Alice"))
                .post("/api/v1/me/cards").then().statusCode(201)
                .body("last4", equalTo(debit.pan().substring(12)))
                .body("bin", equalTo(debit.pan().substring(0, 6)))
                .body("cardType", equalTo("DEBIT"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains(debit.pan()), "the card number must never be returned");
        Users.ALICE.api().get("/api/v1/me/cards").then().statusCode(200).body(not(containsString(debit.pan())));

        Users.ALICE.api().body(Map.of("cardNumber", debit.pan(), "expiryMonth", 12, "expiryYear", 2031))
                .post("/api/v1/me/cards").then().statusCode(409).body("code", equalTo("CARD_EXISTS"));

        Bank.Account credit = bank.openAccount("CREDIT", 10_000);
        Users.ALICE.api().body(Map.of("cardNumber", credit.pan(), "expiryMonth", 12, "expiryYear", 2031))
                .post("/api/v1/me/cards").then().statusCode(422).body("code", equalTo("NOT_A_DEBIT_CARD"));

        String badLuhn = debit.pan().substring(0, 15) + ((debit.pan().charAt(15) - '0' + 1) % 10);
        Users.ALICE.api().body(Map.of("cardNumber", badLuhn, "expiryMonth", 12, "expiryYear", 2031))
                .post("/api/v1/me/cards").then().statusCode(400).body("code", equalTo("INVALID_CARD_NUMBER"))
                .body("detail", not(containsString(badLuhn)));

        Users.ALICE.api().body(Map.of("cardNumber", Bank.randomPan("622202"), "expiryMonth", 12, "expiryYear", 2031))
                .post("/api/v1/me/cards").then().statusCode(422).body("code", equalTo("CARD_NOT_VERIFIED"));
        Users.ALICE.api().body(Map.of("cardNumber", debit.pan(), "expiryMonth", 1, "expiryYear", 2020))
                .post("/api/v1/me/cards").then().statusCode(400);
    }

    @Test
    void mandateLifecycleAndOneLiveMandatePerPlate() {
        Scenario.Enrolled enrolled = scenario.enrolled(Users.ALICE, 10_000);
        Users.ALICE.api().get("/api/v1/me/mandates/" + enrolled.mandateId()).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("plate", equalTo(enrolled.plate()))
                .body("categories", equalTo(List.of("GAS"))).body("consentText", containsString("debit card ending"));

        // A second mandate for the same plate, even through another vehicle record, is refused.
        String otherCard = scenario.card(Users.ALICE, bank.openAccount("DEBIT", 1));
        Users.ALICE.api().body(Map.of("vehicleId", enrolled.vehicleId(), "cardId", otherCard, "perChargeCap", 100,
                        "dailyCap", 100, "categories", List.of("GAS"), "consent", true))
                .post("/api/v1/me/mandates").then().statusCode(409).body("code", equalTo("PLATE_ALREADY_BOUND"));

        String path = "/api/v1/me/mandates/" + enrolled.mandateId();
        Users.ALICE.api().post(path + "/pause").then().statusCode(200).body("status", equalTo("PAUSED"));
        Users.ALICE.api().post(path + "/pause").then().statusCode(409).body("code", equalTo("INVALID_MANDATE_STATE"));
        Users.ALICE.api().post(path + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
        Users.ALICE.api().post(path + "/revoke").then().statusCode(200).body("status", equalTo("REVOKED"))
                .body("revokedAt", not(nullValue()));
        Users.ALICE.api().post(path + "/resume").then().statusCode(409);

        // Once revoked, the plate can be bound again.
        scenario.mandate(Users.ALICE, enrolled.vehicleId(), otherCard, 100, 100, List.of("PARKING"));
    }

    @Test
    void capsMustBeConsentedAndStayInsideThePasswordFreeBand() {
        String vehicle = scenario.vehicle(Users.ALICE, Plates.random());
        String card = scenario.card(Users.ALICE, bank.openAccount("DEBIT", 1));
        Map<String, Object> base = Map.of("vehicleId", vehicle, "cardId", card, "categories", List.of("GAS"));
        Users.ALICE.api().body(with(base, "perChargeCap", 60_000, "dailyCap", 100_000, "consent", true))
                .post("/api/v1/me/mandates").then().statusCode(400).body("code", equalTo("CAP_ABOVE_LIMIT"));
        Users.ALICE.api().body(with(base, "perChargeCap", 5_000, "dailyCap", 1_000, "consent", true))
                .post("/api/v1/me/mandates").then().statusCode(400).body("code", equalTo("INVALID_CAP"));
        Users.ALICE.api().body(with(base, "perChargeCap", 1_000, "dailyCap", 5_000, "consent", false))
                .post("/api/v1/me/mandates").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Users.ALICE.api().body(Map.of("vehicleId", vehicle, "cardId", card, "categories", List.of("FOOD"),
                        "perChargeCap", 1_000, "dailyCap", 5_000, "consent", true))
                .post("/api/v1/me/mandates").then().statusCode(400).body("code", equalTo("INVALID_CATEGORIES"));
    }

    @Test
    void driversSeeOnlyTheirOwnThings() {
        Scenario.Enrolled alices = scenario.enrolled(Users.ALICE, 10_000);
        Users.BOB.api().get("/api/v1/me/vehicles/" + alices.vehicleId()).then().statusCode(404);
        Users.BOB.api().get("/api/v1/me/cards/" + alices.cardId()).then().statusCode(404);
        Users.BOB.api().get("/api/v1/me/mandates/" + alices.mandateId()).then().statusCode(404);
        Users.BOB.api().post("/api/v1/me/mandates/" + alices.mandateId() + "/revoke").then().statusCode(404);
        Users.BOB.api().delete("/api/v1/me/cards/" + alices.cardId()).then().statusCode(404);
        Users.BOB.api().get("/api/v1/me/mandates").then().statusCode(200)
                .body("findAll { it.id == '" + alices.mandateId() + "' }", hasSize(0));
        // Binding someone else's card is impossible even knowing its token.
        String bobsVehicle = scenario.vehicle(Users.BOB, Plates.random());
        Users.BOB.api().body(Map.of("vehicleId", bobsVehicle, "cardId", alices.cardId(), "perChargeCap", 100,
                        "dailyCap", 100, "categories", List.of("GAS"), "consent", true))
                .post("/api/v1/me/mandates").then().statusCode(404);
    }

    @Test
    void removingACardRevokesItsMandates() {
        Scenario.Enrolled enrolled = scenario.enrolled(Users.ALICE, 10_000);
        Users.ALICE.api().delete("/api/v1/me/cards/" + enrolled.cardId()).then().statusCode(204);
        Users.ALICE.api().get("/api/v1/me/mandates/" + enrolled.mandateId()).then().body("status", equalTo("REVOKED"));
        Users.ALICE.api().get("/api/v1/me/cards/" + enrolled.cardId()).then().statusCode(404);
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
