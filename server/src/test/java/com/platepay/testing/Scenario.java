package com.platepay.testing;

import java.util.List;
import java.util.Map;

/**
 * Builds the world a charge needs through the public REST API, as real users would: an operator with a site and
 * a handheld, a driver with a vehicle, a vaulted debit card backed by a bank account, and a mandate.
 */
public final class Scenario {

    /** What an operator is given for a new device; {@code serverPublicKey} checks the server's results. */
    public record DeviceCredentials(String deviceId, String siteId, String password, String privateKey, String serverPublicKey) {
    }

    public record Enrolled(String plate, String vehicleId, String cardId, String mandateId, Bank.Account account) {
    }

    private final Bank bank;

    public Scenario(Bank bank) {
        this.bank = bank;
    }

    public String site(Users operator, String category) {
        return operator.api().body(Map.of("name", "Site " + category, "category", category))
                .post("/api/v1/operator/sites").then().statusCode(201).extract().path("id");
    }

    public DeviceCredentials device(Users operator, String siteId, String type) {
        var body = operator.api().body(Map.of("type", type, "name", "dev"))
                .post("/api/v1/operator/sites/" + siteId + "/devices").then().statusCode(201).extract().jsonPath();
        return new DeviceCredentials(body.getString("mqttUsername"), siteId, body.getString("mqttPassword"), body.getString("privateKey"),
                body.getString("serverPublicKey"));
    }

    public String vehicle(Caller driver, String plate) {
        return vehicle(driver, plate, "BLUE");
    }

    /** A vehicle whose proof was uploaded by its driver and approved by an admin: it can pay. */
    public String vehicle(Caller driver, String plate, String colour) {
        String vehicleId = unverifiedVehicle(driver, plate, colour);
        String proofId = uploadProof(driver, vehicleId);
        Users.ADA.api().post("/api/v1/admin/vehicle-proofs/" + proofId + "/approve").then().statusCode(200);
        return vehicleId;
    }

    /** A vehicle as just claimed: no proof yet. */
    public String unverifiedVehicle(Caller driver, String plate, String colour) {
        return driver.api().body(Map.of("plate", plate, "colour", colour)).post("/api/v1/me/vehicles")
                .then().statusCode(201).extract().path("id");
    }

    /** Uploads a small PNG as the vehicle's licence photo; the proof's id (what reviewers act on). */
    public String uploadProof(Caller driver, String vehicleId) {
        driver.api().contentType("image/png").body(ProofImages.png()).put("/api/v1/me/vehicles/" + vehicleId + "/proof")
                .then().statusCode(200);
        return Users.ADA.api().get("/api/v1/admin/vehicle-proofs").then().statusCode(200).extract().jsonPath()
                .getString("find { it.vehicleId == '" + vehicleId + "' }.id");
    }

    public String card(Caller driver, Bank.Account account) {
        return driver.api().body(Map.of("cardNumber", account.pan(), "expiryMonth", 12, "expiryYear", 2031, "holderName", "Test Driver"))
                .post("/api/v1/me/cards").then().statusCode(201).extract().path("id");
    }

    public String mandate(Caller driver, String vehicleId, String cardId, long perCharge, long daily, List<String> categories) {
        return driver.api().body(Map.of("vehicleId", vehicleId, "cardId", cardId, "perChargeCap", perCharge, "dailyCap", daily,
                        "categories", categories, "consent", true))
                .post("/api/v1/me/mandates").then().statusCode(201).extract().path("id");
    }

    /** A driver fully enrolled for GAS with the given balance and caps. */
    public Enrolled enrolled(Caller driver, long balance, long perCharge, long daily, List<String> categories) {
        String plate = Plates.random();
        Bank.Account account = bank.openAccount("DEBIT", balance);
        String vehicleId = vehicle(driver, plate);
        String cardId = card(driver, account);
        String mandateId = mandate(driver, vehicleId, cardId, perCharge, daily, categories);
        return new Enrolled(plate, vehicleId, cardId, mandateId, account);
    }

    public Enrolled enrolled(Caller driver, long balance) {
        return enrolled(driver, balance, 50_000, 100_000, List.of("GAS"));
    }
}
