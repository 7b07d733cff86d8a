package com.platepay.bank;

import com.platepay.platform.PlatePayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The acquirer port over the simulated bank's HTTP API (bank-simulator/README.md): debits, reversals, and holds with
 * their completion and void. {@code selection.AcquirerSelection} decides whether it is used.
 */
@ApplicationScoped
@Typed(SimulatedAcquirerClient.class)
public class SimulatedAcquirerClient implements AcquirerPort {
    private static final Logger LOG = Logger.getLogger(SimulatedAcquirerClient.class);

    private final WebClient http;
    private final String baseUrl;
    private final Duration timeout;

    public SimulatedAcquirerClient(Vertx vertx, PlatePayConfig config) {
        this.http = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(64));
        this.baseUrl = config.bank().url().replaceAll("/+$", "");
        this.timeout = config.bank().timeout();
    }

    @Override
    public Uni<CardVerification> verifyCard(String pan, int expiryMonth, int expiryYear) {
        JsonObject body = new JsonObject().put("pan", pan).put("expiryMonth", expiryMonth).put("expiryYear", expiryYear);
        return http.postAbs(baseUrl + "/v1/card-verifications").timeout(timeout.toMillis() * 2).sendJsonObject(body)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new BankUnavailableException("card verification answered " + response.statusCode());
                    }
                    JsonObject json = response.bodyAsJsonObject();
                    return new CardVerification(CardVerification.Result.valueOf(json.getString("result")),
                            json.getString("cardType"), json.getString("bankName"), json.getString("bin"), json.getString("last4"));
                })
                .onFailure(e -> !(e instanceof BankUnavailableException))
                .transform(e -> new BankUnavailableException("card verification failed: " + e.getClass().getSimpleName()));
    }

    @Override
    public Uni<DebitOutcome> debit(DebitRequest request) {
        JsonObject body = new JsonObject()
                .put("pan", request.pan())
                .put("expiryMonth", request.expiryMonth())
                .put("expiryYear", request.expiryYear())
                .put("amount", request.amount())
                .put("currency", request.currency())
                .put("merchantId", request.merchantId())
                .put("reference", request.reference());
        return http.postAbs(baseUrl + "/v1/debits")
                .putHeader("Idempotency-Key", request.idempotencyKey())
                .timeout(timeout.toMillis())
                .sendJsonObject(body)
                .ifNoItem().after(timeout).fail()
                .map(SimulatedAcquirerClient::debitOutcome)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("debit %s: no answer from the bank (%s); the charge stays UNKNOWN", request.idempotencyKey(),
                            e.getClass().getSimpleName());
                    return new DebitOutcome.Unknown(e.getClass().getSimpleName());
                });
    }

    private static DebitOutcome debitOutcome(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            return new DebitOutcome.Unknown("HTTP " + response.statusCode());
        }
        JsonObject json = response.bodyAsJsonObject();
        return switch (json.getString("status", "")) {
            case "APPROVED" -> new DebitOutcome.Approved(json.getString("approvalCode"), json.getString("debitId"));
            case "DECLINED" -> new DebitOutcome.Declined(json.getString("declineCode"));
            default -> new DebitOutcome.Unknown("status " + json.getString("status"));
        };
    }

    @Override
    public Uni<ReversalOutcome> reverse(String idempotencyKey) {
        String key = URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8);
        return http.postAbs(baseUrl + "/v1/debits/" + key + "/reversal").timeout(timeout.toMillis() * 2).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        return ReversalOutcome.FAILED;
                    }
                    return "REVERSED".equals(response.bodyAsJsonObject().getString("status"))
                            ? ReversalOutcome.REVERSED : ReversalOutcome.NOTHING_TO_REVERSE;
                })
                // A bound on the whole call, not only on silence: the janitor's lease relies on it.
                .ifNoItem().after(timeout.multipliedBy(2)).fail()
                .onFailure().recoverWithItem(ReversalOutcome.FAILED);
    }

    // Holds (a CNG fill's pre-authorisation): POST /v1/holds, /v1/holds/{key}/completion, /v1/holds/{key}/void, with the
    // same idempotency and faults as debits. No answer is never a "no": it comes back Unknown (a void, FAILED).

    @Override
    public Uni<HoldOutcome> authorize(HoldRequest request) {
        JsonObject body = new JsonObject().put("pan", request.pan()).put("expiryMonth", request.expiryMonth())
                .put("expiryYear", request.expiryYear()).put("amount", request.amount()).put("currency", request.currency())
                .put("merchantId", request.merchantId()).put("reference", request.reference());
        return http.postAbs(baseUrl + "/v1/holds").putHeader("Idempotency-Key", request.idempotencyKey())
                .timeout(timeout.toMillis()).sendJsonObject(body)
                .ifNoItem().after(timeout).fail()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        return (HoldOutcome) new HoldOutcome.Unknown("HTTP " + response.statusCode());
                    }
                    JsonObject json = response.bodyAsJsonObject();
                    return switch (json.getString("status", "")) {
                        case "HELD" -> new HoldOutcome.Held(json.getString("approvalCode"), json.getString("holdId"));
                        case "DECLINED" -> new HoldOutcome.Declined(json.getString("declineCode"));
                        default -> new HoldOutcome.Unknown("status " + json.getString("status"));
                    };
                })
                .onFailure().recoverWithItem(e -> new HoldOutcome.Unknown(e.getClass().getSimpleName()));
    }

    @Override
    public Uni<CompletionOutcome> complete(CompletionRequest request) {
        String key = URLEncoder.encode(request.idempotencyKey(), StandardCharsets.UTF_8);
        return http.postAbs(baseUrl + "/v1/holds/" + key + "/completion").timeout(timeout.toMillis())
                .sendJsonObject(new JsonObject().put("amount", request.amount()))
                .ifNoItem().after(timeout).fail()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        return (CompletionOutcome) new CompletionOutcome.Unknown("HTTP " + response.statusCode());
                    }
                    JsonObject json = response.bodyAsJsonObject();
                    return "COMPLETED".equals(json.getString("status")) ? new CompletionOutcome.Completed()
                            : new CompletionOutcome.Declined(json.getString("declineCode"));
                })
                .onFailure().recoverWithItem(e -> new CompletionOutcome.Unknown(e.getClass().getSimpleName()));
    }

    @Override
    public Uni<VoidOutcome> voidHold(String idempotencyKey) {
        String key = URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8);
        return http.postAbs(baseUrl + "/v1/holds/" + key + "/void").timeout(timeout.toMillis() * 2).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        return VoidOutcome.FAILED;
                    }
                    return switch (response.bodyAsJsonObject().getString("status", "")) {
                        case "VOIDED" -> VoidOutcome.VOIDED;
                        case "NOTHING_TO_VOID" -> VoidOutcome.NOTHING_TO_VOID;
                        default -> VoidOutcome.FAILED;   // COMPLETED: money was taken; a void cannot give it back
                    };
                })
                .ifNoItem().after(timeout.multipliedBy(2)).fail()
                .onFailure().recoverWithItem(VoidOutcome.FAILED);
    }

    @Override
    public Uni<RefundOutcome> refund(RefundRequest request) {
        JsonObject body = new JsonObject().put("debitKey", request.debitKey()).put("amount", request.amount())
                .put("currency", request.currency()).put("reference", request.reference());
        return http.postAbs(baseUrl + "/v1/refunds")
                .putHeader("Idempotency-Key", request.idempotencyKey())
                .timeout(timeout.toMillis() * 2)
                .sendJsonObject(body)
                .ifNoItem().after(timeout.multipliedBy(2)).fail()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        return (RefundOutcome) new RefundOutcome.Unknown("HTTP " + response.statusCode());
                    }
                    JsonObject json = response.bodyAsJsonObject();
                    return switch (json.getString("status", "")) {
                        case "SUCCEEDED" -> new RefundOutcome.Succeeded(json.getString("refundId"));
                        case "DECLINED" -> new RefundOutcome.Declined(json.getString("declineCode"));
                        default -> new RefundOutcome.Unknown("status " + json.getString("status"));
                    };
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("refund %s: no answer from the bank (%s); it stays UNKNOWN", request.idempotencyKey(),
                            e.getClass().getSimpleName());
                    return new RefundOutcome.Unknown(e.getClass().getSimpleName());
                });
    }

    @Override
    public Uni<BankDay> settlementFile(String merchantId, java.time.LocalDate date, java.time.ZoneId zone) {
        String url = baseUrl + "/v1/settlement-files/" + URLEncoder.encode(merchantId, StandardCharsets.UTF_8) + "/" + date
                + "?zone=" + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8);
        return http.getAbs(url).timeout(timeout.toMillis() * 10).send().map(response -> {
            if (response.statusCode() != 200) {
                throw new BankUnavailableException("the settlement file answered " + response.statusCode());
            }
            JsonObject json = response.bodyAsJsonObject();
            java.util.List<BankDay.Line> lines = new java.util.ArrayList<>();
            for (Object o : json.getJsonArray("lines")) {
                JsonObject l = (JsonObject) o;
                lines.add(new BankDay.Line(BankDay.Type.valueOf(l.getString("type")), l.getString("key"), l.getString("debitKey"),
                        l.getLong("amount"), l.getString("currency"), java.time.Instant.parse(l.getString("at")),
                        l.getString("bankReference")));
            }
            return new BankDay(merchantId, date, zone.getId(), lines);
        });
    }
}
