package com.platepay.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every resource is checked against its owner, not only the role: someone else's thing is "not found" (404), so a
 * caller cannot even learn that it exists. Vehicles, cards and mandates are covered in EnrollmentTest.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class OwnershipTest extends StackTest {

    @Test
    void aDriverCannotSeeAnotherDriversCharge() {
        Scenario.Enrolled alices = scenario.enrolled(Users.ALICE, 10_000);
        String chargeRef = Ids.newUuidV7();
        try (TestHandheld handheld = newHandheld()) {
            assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(chargeRef, alices.plate(), 500)).status());
        }
        String chargeId = Users.ALICE.api().get("/api/v1/me/charges").then().statusCode(200)
                .extract().path("find { it.chargeId == '" + chargeRef + "' }.id");

        Users.ALICE.api().get("/api/v1/me/charges/" + chargeId).then().statusCode(200).body("amount", equalTo(500));
        Users.BOB.api().get("/api/v1/me/charges/" + chargeId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Users.BOB.api().get("/api/v1/me/charges").then().statusCode(200)
                .body("findAll { it.id == '" + chargeId + "' }", hasSize(0));
        Users.OSCAR.api().get("/api/v1/operator/charges/" + chargeId).then().statusCode(404);
        Users.ADA.api().get("/api/v1/admin/charges/" + chargeId).then().statusCode(200).body("chargeId", equalTo(chargeRef));
    }

    @Test
    void anOperatorCannotTouchAnotherOperatorsSitesOrDevices() {
        String olgasSite = scenario.site(Users.OLGA, "GAS");
        String olgasDevice = scenario.device(Users.OLGA, olgasSite, "HANDHELD").deviceId();

        Users.OSCAR.api().get("/api/v1/operator/sites/" + olgasSite).then().statusCode(404);
        Users.OSCAR.api().get("/api/v1/operator/sites/" + olgasSite + "/devices").then().statusCode(404);
        Users.OSCAR.api().body(Map.of("type", "HANDHELD", "name", "rogue"))
                .post("/api/v1/operator/sites/" + olgasSite + "/devices").then().statusCode(404);
        Users.OSCAR.api().get("/api/v1/operator/devices/" + olgasDevice).then().statusCode(404);
        Users.OSCAR.api().post("/api/v1/operator/devices/" + olgasDevice + "/credentials").then().statusCode(404);
        Users.OSCAR.api().post("/api/v1/operator/devices/" + olgasDevice + "/disable").then().statusCode(404);
        Users.OSCAR.api().post("/api/v1/operator/devices/" + olgasDevice + "/enable").then().statusCode(404);
        Users.OSCAR.api().get("/api/v1/operator/charges?siteId=" + olgasSite).then().statusCode(200).body("", hasSize(0));
        Users.OSCAR.api().body(Map.of("username", "sneaky-" + Ids.newUuidV7().substring(30), "email", "s@platepay.test",
                        "firstName", "S", "lastName", "T", "siteIds", List.of(olgasSite)))
                .post("/api/v1/operator/attendants").then().statusCode(404);

        // Oscar's attempts changed nothing of Olga's.
        Users.OLGA.api().get("/api/v1/operator/devices/" + olgasDevice).then().statusCode(200).body("status", equalTo("ACTIVE"));
        Users.OSCAR.api().get("/api/v1/operator/sites").then().statusCode(200)
                .body("findAll { it.id == '" + olgasSite + "' }", hasSize(0));
    }
}
