package com.platepay.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestIdentities;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who did what to which mandate, card or device: recorded with the change, readable by admins only, never rewritten. */
@QuarkusTest
@WithTestResource(TestStack.class)
class AuditLogTest extends StackTest {

    @Test
    void changesToMandatesCardsAndDevicesAreRecordedWithTheirActor() {
        Scenario.Enrolled alices = scenario.enrolled(Users.ALICE, 10_000);
        Users.ALICE.api().post("/api/v1/me/mandates/" + alices.mandateId() + "/pause").then().statusCode(200);
        Users.ALICE.api().delete("/api/v1/me/cards/" + alices.cardId()).then().statusCode(204);
        String site = scenario.site(Users.OLGA, "GAS");
        String device = scenario.device(Users.OLGA, site, "HANDHELD").deviceId();
        Users.OLGA.api().post("/api/v1/operator/devices/" + device + "/credentials").then().statusCode(200);
        Users.OLGA.api().post("/api/v1/operator/devices/" + device + "/disable").then().statusCode(200);

        JsonPath mandate = audit("resourceType=MANDATE&resourceId=" + alices.mandateId());
        assertEquals(List.of("MANDATE_PAUSED", "MANDATE_CREATED"), mandate.getList("action"));
        assertEquals(List.of("alice", "alice"), mandate.getList("actorName"));
        assertEquals(List.of("driver", "driver"), mandate.getList("actorRole"));
        assertEquals(TestIdentities.get().subject(Users.ALICE), mandate.getString("[0].actorSubject"));

        JsonPath card = audit("resourceId=" + alices.cardId());
        assertEquals(List.of("CARD_REMOVED", "CARD_ADDED"), card.getList("action"));
        String pan = alices.account().pan();
        assertTrue(card.getList("detail").stream().noneMatch(d -> String.valueOf(d).contains(pan.substring(6, 12))),
                "the audit log shows a masked card only: " + card.getList("detail"));

        JsonPath devices = audit("resourceType=DEVICE&resourceId=" + device);
        assertEquals(List.of("DEVICE_DISABLED", "DEVICE_CREDENTIALS_ROTATED", "DEVICE_REGISTERED"), devices.getList("action"));
        assertEquals(List.of("operator", "operator", "operator"), devices.getList("actorRole"));

        JsonPath first = audit("actor=" + TestIdentities.get().subject(Users.OLGA) + "&limit=1");
        assertEquals(1, first.getList("").size());
        long newest = first.getLong("[0].id");
        JsonPath older = audit("actor=" + TestIdentities.get().subject(Users.OLGA) + "&before=" + newest + "&limit=500");
        assertTrue(older.getList("id", Long.class).stream().allMatch(id -> id < newest));
    }

    @Test
    void theAuditLogIsForAdminsOnlyAndAppendOnly() {
        Users.ALICE.api().get("/api/v1/admin/audit").then().statusCode(403);
        Users.OLGA.api().get("/api/v1/admin/audit").then().statusCode(403);
        Users.ADA.api().get("/api/v1/admin/audit?limit=0").then().statusCode(400).body("code", equalTo("INVALID_LIMIT"));
        Users.ADA.api().get("/api/v1/admin/audit?resourceType=PLANET").then().statusCode(400).body("code", equalTo("INVALID_RESOURCE_TYPE"));

        scenario.site(Users.OLGA, "PARKING");
        assertThrows(Exception.class, () -> pool.query("update audit_events set actor_name = 'someone else'")
                .execute().await().atMost(Duration.ofSeconds(10)));
        assertThrows(Exception.class, () -> pool.query("delete from audit_events").execute().await().atMost(Duration.ofSeconds(10)));
    }

    private static JsonPath audit(String query) {
        return Users.ADA.api().get("/api/v1/admin/audit?" + query).then().statusCode(200).extract().jsonPath();
    }
}
