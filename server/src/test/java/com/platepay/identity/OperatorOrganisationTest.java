package com.platepay.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.platepay.testing.StackTest;
import com.platepay.testing.TestIdentities;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operator user belongs to one organisation: founded on their first call, or the one an admin added them to,
 * where they see their colleagues' sites and devices and nobody else's.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class OperatorOrganisationTest extends StackTest {

    @Test
    void anAdminAddsAColleagueWhoThenSharesTheOrganisationsSites() {
        String site = scenario.site(Users.OLGA, "GAS");
        String device = scenario.device(Users.OLGA, site, "HANDHELD").deviceId();
        String olgasOrganisation = organisationOf(Users.OLGA);

        Users.ADA.api().body(Map.of("username", Users.OTTO.name)).post("/api/v1/admin/operators/" + olgasOrganisation + "/members")
                .then().statusCode(200).body("subject", equalTo(TestIdentities.get().subject(Users.OTTO)));

        Users.OTTO.api().get("/api/v1/operator/sites/" + site).then().statusCode(200);
        Users.OTTO.api().post("/api/v1/operator/devices/" + device + "/disable").then().statusCode(200);
        Users.OLGA.api().get("/api/v1/operator/devices/" + device).then().statusCode(200).body("status", equalTo("DISABLED"));
        Users.OSCAR.api().get("/api/v1/operator/sites/" + site).then().statusCode(404);
        Users.ADA.api().get("/api/v1/admin/audit?resourceType=DEVICE&resourceId=" + device).then().statusCode(200)
                .body("[0].actorName", equalTo("otto")).body("[0].action", equalTo("DEVICE_DISABLED"));

        // One organisation per user: a second one is refused, and only operators can join.
        String oscarsOrganisation = organisationOf(Users.OSCAR);
        Users.ADA.api().body(Map.of("username", Users.OTTO.name)).post("/api/v1/admin/operators/" + oscarsOrganisation + "/members")
                .then().statusCode(409).body("code", equalTo("ALREADY_A_MEMBER"));
        Users.ADA.api().body(Map.of("username", Users.ALICE.name)).post("/api/v1/admin/operators/" + oscarsOrganisation + "/members")
                .then().statusCode(409).body("code", equalTo("NOT_AN_OPERATOR"));
        Users.ADA.api().body(Map.of("username", "nobody-" + System.nanoTime())).post("/api/v1/admin/operators/" + oscarsOrganisation + "/members")
                .then().statusCode(404);
        Users.OLGA.api().body(Map.of("username", Users.OSCAR.name)).post("/api/v1/admin/operators/" + olgasOrganisation + "/members")
                .then().statusCode(403);
    }

    private static String organisationOf(Users operator) {
        operator.api().get("/api/v1/operator/sites").then().statusCode(200);   // the first call founds it
        String subject = TestIdentities.get().subject(operator);
        return Users.ADA.api().get("/api/v1/admin/operators").then().statusCode(200)
                .body("members.flatten().subject", hasItem(subject))
                .extract().path("find { o -> o.members.any { it.subject == '" + subject + "' } }.id");
    }
}
