package com.platepay.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Talks to the simulated bank directly: opens accounts, reads balances, injects faults. */
public final class Bank {
    private final String url;

    public Bank(String url) {
        this.url = url;
    }

    /** A debit card account with a fresh, Luhn-valid number. Returns the account id; the number is in {@link Account}. */
    public Account openAccount(String cardType, long balance) {
        String pan = randomPan("622202");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("pan", pan, "holderName", "Test Driver", "cardType", cardType, "bankName", "Test Bank",
                        "expiryMonth", 12, "expiryYear", 2031, "balance", balance, "currency", "CNY"))
                .post(url + "/v1/accounts").then().statusCode(201).extract().path("accountId");
        return new Account(id, pan);
    }

    public long balance(Account account) {
        return ((Number) given().get(url + "/v1/accounts/" + account.id()).then().statusCode(200).extract().path("balance")).longValue();
    }

    public List<Map<String, Object>> debits(Account account) {
        return given().queryParam("accountId", account.id()).get(url + "/v1/debits").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    public void fault(String mode, int count, long delayMs) {
        faultOn("DEBIT", mode, count, delayMs);
    }

    /** A fault rule on DEBIT, DEBIT_INQUIRY, REVERSAL or VERIFY; replaces the rules set before. */
    public void faultOn(String target, String mode, int count, long delayMs) {
        given().contentType(ContentType.JSON)
                .body(Map.of("latencyMs", 0, "rules", List.of(Map.of("on", target, "mode", mode, "count", count, "delayMs", delayMs))))
                .post(url + "/v1/faults").then().statusCode(200);
    }

    /** Two rules at once, e.g. a debit that times out and reversals that fail. */
    public void faults(Map<String, Object> first, Map<String, Object> second) {
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 0, "rules", List.of(first, second)))
                .post(url + "/v1/faults").then().statusCode(200);
    }

    public void clearFaults() {
        given().delete(url + "/v1/faults").then().statusCode(200);
    }

    public record Account(String id, String pan) {
    }

    public static String randomPan(String bin) {
        StringBuilder digits = new StringBuilder(bin);
        while (digits.length() < 15) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = digits.toString() + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    static boolean luhn(String s) {
        int sum = 0;
        boolean dbl = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            int d = s.charAt(i) - '0';
            if (dbl && (d *= 2) > 9) {
                d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
