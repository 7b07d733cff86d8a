package com.platepay.protocol.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.Ids;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.Money;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handheld shift-report}: the end of a shift. Compares what this handheld sent (its kept charges, by their
 * capturedAt) with what the server recorded from it over the same window, and lists every difference: sent but not
 * recorded, recorded but not in the device's log, or recorded with another amount.
 */
@Command(name = "shift-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares the charges this handheld sent in a shift with what the server recorded from it",
                "(GET /api/v1/attendant/devices/{deviceId}/shift-report, with the attendant's token) and prints the",
                "report as JSON on stdout, with every difference."},
        footer = {"",
                "Token: --token, else $PLATEPAY_TOKEN (./platepay token attendant prints one for the demo's attendant).",
                "Exit codes: 0 no differences, 7 differences listed, 2 bad arguments, 3 server unreachable or refused, 4 unexpected."})
final class ShiftReportCommand implements Callable<Integer> {

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "TIME", description = "start of the shift, RFC 3339 (default: 12 hours before --to)")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "end of the shift, RFC 3339 (default: now)")
    String to;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080", description = "the PlatePay server (default ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--token", paramLabel = "JWT", description = "the attendant's access token (default: $PLATEPAY_TOKEN)")
    String token;

    @CommandLine.Mixin
    DeviceOptions deviceOptions;

    ShiftReportCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        // Without --to the shift runs up to now, this millisecond included (a fill captured just now is in it).
        Instant end = to == null ? Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1) : time("--to", to);
        Instant start = from == null ? end.minus(Duration.ofHours(12)) : time("--from", from);
        if (!start.isBefore(end)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from must be before --to");
        }
        String bearer = token != null ? token : env.get("PLATEPAY_TOKEN");
        if (bearer == null || bearer.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "an attendant's token is needed: --token or $PLATEPAY_TOKEN");
        }
        DeviceOptions.Device d = deviceOptions.resolve(spec, env, err);
        Map<String, ChargeRequest> sent = new TreeMap<>();
        for (ChargeRequest c : new SentCharges(d.beside(".sent")).all()) {
            if (!c.capturedAt().isBefore(start) && c.capturedAt().isBefore(end)) {
                sent.put(Ids.canonical(c.chargeId()), c);
            }
        }
        JsonNode recorded;
        try {
            String url = server.replaceAll("/+$", "") + "/api/v1/attendant/devices/" + URLEncoder.encode(d.config().deviceId(), StandardCharsets.UTF_8)
                    + "/shift-report?from=" + start + "&to=" + end;
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + bearer.strip()).timeout(d.timeout()).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                err.println("handheld: the server answered " + response.statusCode() + ": " + response.body());
                return HandheldCli.BROKER;
            }
            recorded = ProtocolCodec.mapper().readTree(response.body());
        } catch (IOException | IllegalArgumentException e) {
            err.println("handheld: cannot reach " + server + " (" + e.getMessage() + ")");
            return HandheldCli.BROKER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HandheldCli.TIMEOUT;
        }
        Map<String, JsonNode> onServer = new LinkedHashMap<>();
        recorded.path("charges").forEach(c -> onServer.put(Ids.canonical(c.path("chargeId").asText()), c));

        ObjectNode report = ProtocolCodec.mapper().createObjectNode();
        report.put("deviceId", d.config().deviceId()).put("from", start.toString()).put("to", end.toString());
        report.putObject("device").put("sent", sent.size()).put("amount", sent.values().stream().mapToLong(ChargeRequest::amount).sum());
        report.putObject("server").put("recorded", onServer.size()).put("approved", recorded.path("approvedCount").asLong())
                .put("approvedAmount", recorded.path("approvedAmount").asLong());
        ArrayNode differences = report.putArray("differences");
        sent.forEach((id, c) -> {
            JsonNode s = onServer.get(id);
            if (s == null) {
                differences.addObject().put("chargeId", id).put("difference", "SENT_NOT_RECORDED").put("amount", c.amount())
                        .put("capturedAt", c.capturedAt().toString());
            } else if (s.path("amount").asLong() != c.amount()) {
                differences.addObject().put("chargeId", id).put("difference", "AMOUNT_DIFFERS").put("sent", c.amount())
                        .put("recorded", s.path("amount").asLong());
            }
        });
        onServer.forEach((id, s) -> {
            if (!sent.containsKey(id)) {
                differences.addObject().put("chargeId", id).put("difference", "RECORDED_NOT_SENT").put("amount", s.path("amount").asLong())
                        .put("status", s.path("status").asText());
            }
        });
        out.println(ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        err.println("shift " + start + " to " + end + ": the device sent " + sent.size() + " charge(s), the server recorded "
                + onServer.size() + " (" + recorded.path("approvedCount").asLong() + " approved, "
                + Money.format(recorded.path("approvedAmount").asLong()) + "); " + differences.size() + " difference(s)");
        return differences.isEmpty() ? HandheldCli.OK : HandheldCli.DIFFERENCES;
    }

    private Instant time(String option, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be an RFC 3339 time such as 2026-11-23T06:00:00Z");
        }
    }
}
