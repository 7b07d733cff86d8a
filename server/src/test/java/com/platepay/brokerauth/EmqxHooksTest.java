package com.platepay.brokerauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.platepay.mqtt.ServerIdentity;
import com.platepay.protocol.Topics;
import com.platepay.testing.Bank;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EMQX's HTTP authentication and authorisation hooks, called as EMQX calls them, on the real stack. */
@QuarkusTest
@WithTestResource(TestStack.class)
class EmqxHooksTest {

    private static final String AUTHN = "/api/v1/broker/emqx/authn";
    private static final String AUTHZ = "/api/v1/broker/emqx/authz";

    @ConfigProperty(name = "platepay.broker-hooks.secret")
    String secret;
    @ConfigProperty(name = "platepay.bank.url")
    String bankUrl;
    @Inject
    ServerIdentity server;

    private Scenario scenario;
    private Scenario.DeviceCredentials device;

    @BeforeEach
    void aDevice() {
        scenario = new Scenario(new Bank(bankUrl));
        device = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
    }

    @Test
    void aDeviceConnectsWithItsOwnSecretOnly() {
        assertEquals(Map.of("result", "allow", "is_superuser", false), authn(device.deviceId(), device.deviceId(), device.password()));
        assertEquals("deny", authn(device.deviceId(), device.deviceId(), device.password() + "x").get("result"));
        assertEquals("deny", authn("another-client", device.deviceId(), device.password()).get("result"));
        String unknown = UUID.randomUUID().toString();
        assertEquals("deny", authn(unknown, unknown, device.password()).get("result"));
        assertEquals("deny", hook(AUTHN, "{\"clientid\":\"" + device.deviceId() + "\",\"username\":\"" + device.deviceId() + "\"}").get("result"));
        assertEquals("deny", hook(AUTHN, "not json").get("result"));
    }

    @Test
    void aRotatedSecretAndADisabledDeviceAreRefusedAtOnce() {
        // Read once so the device is in the hooks' cache: the change must still take effect on the next call.
        assertEquals("allow", authn(device.deviceId(), device.deviceId(), device.password()).get("result"));
        String fresh = Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/credentials")
                .then().statusCode(200).extract().path("mqttPassword");
        assertEquals("deny", authn(device.deviceId(), device.deviceId(), device.password()).get("result"));
        assertEquals("allow", authn(device.deviceId(), device.deviceId(), fresh).get("result"));

        Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/disable").then().statusCode(200);
        assertEquals("deny", authn(device.deviceId(), device.deviceId(), fresh).get("result"));
        assertEquals("deny", authz(device.deviceId(), own(Topics.CHARGE), "publish").get("result"));

        Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/enable").then().statusCode(200);
        assertEquals("allow", authn(device.deviceId(), device.deviceId(), fresh).get("result"));
    }

    @Test
    void aRotatedOrDisabledDeviceHasItsEmqxSessionCut() {
        String kick = "DELETE /api/v5/clients/" + device.deviceId();
        assertFalse(recordedEmqxCalls().contains(kick));
        Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/credentials").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> recordedEmqxCalls().contains(kick));

        Scenario.DeviceCredentials other = scenario.device(Users.OLGA, device.siteId(), "HANDHELD");
        Users.OLGA.api().post("/api/v1/operator/devices/" + other.deviceId() + "/disable").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> recordedEmqxCalls().contains("DELETE /api/v5/clients/" + other.deviceId()));
    }

    private static List<String> recordedEmqxCalls() {
        return List.of(RestAssured.given().get(System.getProperty("test.emqx-api-url") + "/recorded").then().statusCode(200)
                .extract().asString().split("\n"));
    }

    @Test
    void aDevicePublishesAndSubscribesOnlyOnItsOwnTopics() {
        for (String channel : new String[] {Topics.CHARGE, Topics.CYLINDER_CHECK, Topics.PLATE_READ, Topics.VOUCHER, Topics.STATUS}) {
            assertEquals("allow", authz(device.deviceId(), own(channel), "publish").get("result"), channel);
            assertEquals("deny", authz(device.deviceId(), own(channel), "subscribe").get("result"), channel);
        }
        for (String channel : new String[] {Topics.CHARGE_RESULT, Topics.CYLINDER_CHECK_RESULT, Topics.VOUCHER_RESULT, Topics.COMMAND}) {
            assertEquals("allow", authz(device.deviceId(), own(channel), "subscribe").get("result"), channel);
            assertEquals("deny", authz(device.deviceId(), own(channel), "publish").get("result"), channel);
        }
        Scenario.DeviceCredentials other = scenario.device(Users.OLGA, device.siteId(), "HANDHELD");
        String foreign = Topics.device(other.siteId(), other.deviceId(), Topics.CHARGE);
        assertEquals("deny", authz(device.deviceId(), foreign, "publish").get("result"));
        assertEquals("deny", authz(device.deviceId(), Topics.device(other.siteId(), other.deviceId(), Topics.CHARGE_RESULT), "subscribe")
                .get("result"));
        assertEquals("deny", authz(device.deviceId(), "platepay/v1/sites/" + device.siteId() + "/devices/" + device.deviceId() + "/#", "subscribe").get("result"));
        assertEquals("deny", authz(device.deviceId(), "platepay/v1/sites/+/devices/+/charge", "subscribe").get("result"));
        assertEquals("deny", authz(device.deviceId(), own(Topics.CHARGE), "all").get("result"));
        // As on the embedded broker, a device's request is never retained: the broker would hand it to every server later.
        assertEquals("deny", hook(AUTHZ, Map.of("clientid", device.deviceId(), "username", device.deviceId(), "topic", own(Topics.CHARGE),
                "action", "publish", "qos", "1", "retain", "true")).get("result"));
        assertEquals("deny", hook(AUTHZ, Map.of("clientid", device.deviceId(), "username", device.deviceId(), "topic", own(Topics.PLATE_READ),
                "action", "publish", "retain", true)).get("result"));
        // Its status alone is retained by design (and is its last will, which EMQX authorises as a retained publish).
        assertEquals("allow", hook(AUTHZ, Map.of("clientid", device.deviceId(), "username", device.deviceId(), "topic", own(Topics.STATUS),
                "action", "publish", "retain", true)).get("result"));
        assertEquals("deny", hook(AUTHZ, Map.of("clientid", device.deviceId(), "username", device.deviceId(), "topic",
                Topics.device(other.siteId(), other.deviceId(), Topics.STATUS), "action", "publish", "retain", "true")).get("result"),
                "another device's status, retained or not, is not this device's to say");
        // A client claiming the device's username under another client id gets nothing.
        assertEquals("deny", hook(AUTHZ, Map.of("clientid", "x", "username", device.deviceId(), "topic", own(Topics.CHARGE),
                "action", "publish")).get("result"));
    }

    @Test
    void theServerIsSuperuserWithItsPasswordOnly() {
        assertEquals(Map.of("result", "allow", "is_superuser", true), authn("platepay-1", server.username(), server.password()));
        assertEquals("deny", authn("platepay-1", server.username(), "guess").get("result"));
        assertEquals("allow", authz(server.username(), "$share/platepay/platepay/v1/sites/+/devices/+/charge", "subscribe")
                .get("result"));
    }

    @Test
    void withoutTheSecretTheHooksAnswerNothing() {
        String body = "{\"clientid\":\"" + device.deviceId() + "\",\"username\":\"" + device.deviceId() + "\",\"password\":\""
                + device.password() + "\"}";
        RestAssured.given().contentType(ContentType.JSON).body(body).post(AUTHN).then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON).header(EmqxHookResource.SECRET_HEADER, secret + "x").body(body)
                .post(AUTHN).then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("clientid", "a", "username", "a", "topic", "t", "action", "publish"))
                .post(AUTHZ).then().statusCode(401);
        // An operator's token is no substitute for the broker's secret.
        Users.OLGA.api().body(body).post(AUTHN).then().statusCode(401);
    }

    @Test
    void theHooksAreNotPartOfThePublicApiDocument() {
        String document = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertFalse(document.contains("/api/v1/broker"), "the broker hooks stay out of the driver/operator API document");
    }

    private String own(String channel) {
        return Topics.device(device.siteId(), device.deviceId(), channel);
    }

    private Map<String, Object> authn(String clientId, String username, String password) {
        return hook(AUTHN, Map.of("clientid", clientId, "username", username, "password", password));
    }

    private Map<String, Object> authz(String username, String topic, String action) {
        return hook(AUTHZ, Map.of("clientid", username, "username", username, "topic", topic, "action", action,
                "qos", "1", "retain", "false"));
    }

    private Map<String, Object> hook(String path, Object body) {
        JsonPath answer = RestAssured.given().contentType(ContentType.JSON).header(EmqxHookResource.SECRET_HEADER, secret)
                .body(body).post(path).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        return answer.getMap("");
    }
}
