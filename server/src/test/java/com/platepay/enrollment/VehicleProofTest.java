package com.platepay.enrollment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Plates;
import com.platepay.testing.ProofImages;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestIdentities;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A vehicle's proof on the real stack: the upload's limits, where and how the image is kept, who may see it, the
 * review (approve, reject, replace), and that only an approved vehicle pays.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class VehicleProofTest extends StackTest {

    @ConfigProperty(name = "platepay.proofs.dir")
    String proofsDir;

    @Test
    void theUploadIsCheckedByItsContentAndKeptAsAPrivateFileOutsideTheDatabase() throws Exception {
        String vehicle = scenario.unverifiedVehicle(Users.ALICE, Plates.random(), "BLUE");
        String path = "/api/v1/me/vehicles/" + vehicle + "/proof";
        Users.ALICE.api().contentType("image/png").body(new byte[0]).put(path).then().statusCode(400).body("code", equalTo("PROOF_EMPTY"));
        Users.ALICE.api().contentType("image/png").body("GIF89a not really".getBytes(StandardCharsets.US_ASCII)).put(path)
                .then().statusCode(415).body("code", equalTo("PROOF_TYPE_NOT_ALLOWED"));
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(ProofImages.png(), 0, huge, 0, 8);
        Users.ALICE.api().contentType("image/png").body(huge).put(path).then().statusCode(413).body("code", equalTo("PROOF_TOO_LARGE"));
        Users.ALICE.api().get("/api/v1/me/vehicles/" + vehicle).then().body("verification", equalTo("UNVERIFIED"));

        // The claimed type is not trusted: a JPEG sent as PNG is stored and served as what it is.
        byte[] jpeg = ProofImages.jpeg();
        Users.ALICE.api().contentType("image/png").body(jpeg).put(path).then().statusCode(200).body("verification", equalTo("PENDING"));
        byte[] back = Users.ALICE.api().get(path).then().statusCode(200).contentType("image/jpeg")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", containsString("no-store"))
                .extract().asByteArray();
        assertArrayEquals(jpeg, back);

        UUID proofId = proofOf(vehicle);
        Path file = Path.of(proofsDir).resolve(proofId.toString());
        assertArrayEquals(jpeg, Files.readAllBytes(file), "the image is a file named by the proof's id");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(proofsDir))));
        long bytesInRows = pool.preparedQuery("select count(*) from information_schema.columns where table_name = 'vehicle_proofs' "
                + "and data_type = 'bytea'").execute().await().indefinitely().iterator().next().getLong(0);
        assertEquals(0, bytesInRows, "no image bytes in the proof's row");

        // A new upload while waiting replaces the old one, whose file goes.
        Users.ALICE.api().contentType("image/png").body(ProofImages.png()).put(path).then().statusCode(200);
        assertFalse(Files.exists(file), "a replaced proof's image is deleted");
        Users.ADA.api().get("/api/v1/admin/vehicle-proofs/" + proofId).then().statusCode(200).body("status", equalTo("REPLACED"));
        Users.ADA.api().post("/api/v1/admin/vehicle-proofs/" + proofId + "/approve").then().statusCode(409)
                .body("code", equalTo("PROOF_NOT_PENDING"));
    }

    @Test
    void onlyItsDriverAndTheReviewersSeeTheImageAndEveryLookIsAudited() {
        String vehicle = scenario.unverifiedVehicle(Users.ALICE, Plates.random(), "BLUE");
        String proof = scenario.uploadProof(Users.ALICE, vehicle);
        Users.BOB.api().get("/api/v1/me/vehicles/" + vehicle + "/proof").then().statusCode(404);
        Users.BOB.api().contentType("image/png").body(ProofImages.png()).put("/api/v1/me/vehicles/" + vehicle + "/proof")
                .then().statusCode(404);

        // Waiting for review: any operator (a reviewer) and any admin may look; each look is in the audit log.
        Users.OLGA.api().get("/api/v1/operator/vehicle-proofs").then().statusCode(200).body("id", hasItem(proof));
        Users.OLGA.api().get("/api/v1/operator/vehicle-proofs/" + proof + "/image").then().statusCode(200).contentType("image/png");
        Users.ADA.api().queryParam("resourceType", "VEHICLE_PROOF").queryParam("resourceId", proof).get("/api/v1/admin/audit")
                .then().statusCode(200).body("action", hasItem("VEHICLE_PROOF_VIEWED"))
                .body("find { it.action == 'VEHICLE_PROOF_VIEWED' }.actorName", equalTo("olga"));

        // Decided by Oscar: Olga no longer sees it; Oscar and admins do.
        Users.OSCAR.api().body(Map.of("reason", "the photo is blurred")).post("/api/v1/operator/vehicle-proofs/" + proof + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("reviewerName", equalTo("oscar"));
        Users.OLGA.api().get("/api/v1/operator/vehicle-proofs/" + proof).then().statusCode(404);
        Users.OLGA.api().get("/api/v1/operator/vehicle-proofs/" + proof + "/image").then().statusCode(404);
        Users.OSCAR.api().get("/api/v1/operator/vehicle-proofs/" + proof + "/image").then().statusCode(200);
        Users.OSCAR.api().queryParam("status", "REJECTED").get("/api/v1/operator/vehicle-proofs").then().body("id", hasItem(proof));
        Users.ADA.api().get("/api/v1/admin/vehicle-proofs/" + proof).then().statusCode(200);

        // The driver sees why, and tries again.
        Users.ALICE.api().get("/api/v1/me/vehicles/" + vehicle).then().body("verification", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("the photo is blurred"));
        Users.ALICE.api().get("/api/v1/me/notifications").then().body("kind", hasItem("VEHICLE_REJECTED"));
        String second = scenario.uploadProof(Users.ALICE, vehicle);
        Users.OLGA.api().post("/api/v1/operator/vehicle-proofs/" + second + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        Users.ALICE.api().get("/api/v1/me/vehicles/" + vehicle).then().body("verification", equalTo("APPROVED"))
                .body("verifiedAt", notNullValue()).body("rejectionReason", nullValue());
        Users.ALICE.api().contentType("image/png").body(ProofImages.png()).put("/api/v1/me/vehicles/" + vehicle + "/proof")
                .then().statusCode(409).body("code", equalTo("VEHICLE_ALREADY_VERIFIED"));
        Users.ADA.api().queryParam("resourceType", "VEHICLE_PROOF").queryParam("resourceId", second).get("/api/v1/admin/audit")
                .then().body("action", hasItem("VEHICLE_PROOF_APPROVED"));
    }

    @Test
    void aPlateApprovedForOneDriverIsRefusedToAnotherWithoutSayingWhose() {
        String plate = Plates.random();
        String bobsEarlyClaim = scenario.unverifiedVehicle(Users.BOB, plate, "BLUE");
        String bobsProof = scenario.uploadProof(Users.BOB, bobsEarlyClaim);
        scenario.vehicle(Users.ALICE, plate, "BLUE");

        String refusal = Users.CHEN.api().body(Map.of("plate", plate, "colour", "BLUE")).post("/api/v1/me/vehicles")
                .then().statusCode(409).body("code", equalTo("PLATE_ALREADY_VERIFIED")).extract().asString();
        String alicesSubject = TestIdentities.get().subject(Users.ALICE);
        assertFalse(refusal.contains("alice") || refusal.contains("Alice") || refusal.contains(alicesSubject),
                "the refusal must not name the owner: " + refusal);
        // Bob's claim from before Alice's approval cannot be approved any more, and again names nobody.
        String second = Users.ADA.api().post("/api/v1/admin/vehicle-proofs/" + bobsProof + "/approve").then().statusCode(409)
                .body("code", equalTo("PLATE_ALREADY_VERIFIED")).extract().asString();
        assertFalse(second.contains("alice") || second.contains(alicesSubject), second);
        // The same text in another colour is another vehicle.
        Users.CHEN.api().body(Map.of("plate", plate, "colour", "YELLOW")).post("/api/v1/me/vehicles").then().statusCode(201);
    }

    @Test
    void onlyAnApprovedVehicleGetsAMandateOrPays() {
        String vehicle = scenario.unverifiedVehicle(Users.ALICE, Plates.random(), "BLUE");
        String card = scenario.card(Users.ALICE, bank.openAccount("DEBIT", 10_000));
        Map<String, Object> terms = Map.of("vehicleId", vehicle, "cardId", card, "perChargeCap", 5_000, "dailyCap", 10_000,
                "categories", List.of("GAS"), "consent", true);
        Users.ALICE.api().body(terms).post("/api/v1/me/mandates").then().statusCode(409).body("code", equalTo("VEHICLE_NOT_VERIFIED"));

        // A mandate from before proofs were required (its vehicle back to PENDING, as V7 leaves old vehicles
        // UNVERIFIED): the plate is declined with its own reason, and nothing is debited.
        var enrolled = scenario.enrolled(Users.ALICE, 10_000);
        try (TestHandheld handheld = newHandheld()) {
            assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), enrolled.plate(), 100)).status());
            pool.preparedQuery("update vehicles set verification = 'PENDING' where id = $1")
                    .execute(Tuple.of(UUID.fromString(enrolled.vehicleId()))).await().indefinitely();
            var refused = handheld.charge(TestHandheld.request(Ids.newUuidV7(), enrolled.plate(), 100));
            assertEquals(ResultStatus.DECLINED, refused.status());
            assertEquals(ReasonCodes.VEHICLE_NOT_VERIFIED, refused.reasonCode());
        }
        assertEquals(10_000 - 100, bank.balance(enrolled.account()));
    }

    @Test
    void theConsentTextShownIsTheOneStoredInTheDriversLanguage() {
        String vehicle = scenario.vehicle(Users.ALICE, Plates.random());
        String card = scenario.card(Users.ALICE, bank.openAccount("DEBIT", 10_000));
        Map<String, Object> terms = Map.of("vehicleId", vehicle, "cardId", card, "perChargeCap", 12_850, "dailyCap", 50_000,
                "categories", List.of("GAS", "PARKING"), "language", "zh");
        String shown = Users.ALICE.api().body(terms).post("/api/v1/me/mandates/preview").then().statusCode(200)
                .body("consentText", containsString("人民币 128.50 元")).body("consentText", containsString("加气站和停车场"))
                .extract().path("consentText");
        Map<String, Object> create = new java.util.HashMap<>(terms);
        create.put("consent", true);
        Users.ALICE.api().body(create).post("/api/v1/me/mandates").then().statusCode(201).body("consentText", equalTo(shown));
        Users.ALICE.api().get("/api/v1/me/mandates/limits").then().statusCode(200).body("maxPerChargeCap", equalTo(50_000))
                .body("maxDailyCap", equalTo(100_000)).body("currency", equalTo("CNY"));
        Users.ALICE.api().body(Map.of("vehicleId", vehicle, "cardId", card, "perChargeCap", 100, "dailyCap", 100,
                "categories", List.of("GAS"), "language", "fr")).post("/api/v1/me/mandates/preview").then().statusCode(400);
        assertTrue(shown.contains(card.isEmpty() ? "" : "借记卡"), shown);
        Users.ALICE.api().get("/api/v1/me/mandates").then().body("consentText", not(hasItem(nullValue())));
    }

    private UUID proofOf(String vehicleId) {
        return pool.preparedQuery("select proof_id from vehicles where id = $1").execute(Tuple.of(UUID.fromString(vehicleId)))
                .await().indefinitely().iterator().next().getUUID(0);
    }
}
