package com.platepay.protocol.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.cylinder.CylinderCheckRequest;
import com.platepay.protocol.cylinder.CylinderCheckResult;
import com.platepay.protocol.cylinder.Media;
import com.platepay.protocol.plate.InvalidPlateException;
import com.platepay.protocol.plate.PlateColour;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handheld cylinder-check}: may this cylinder be filled, and may this vehicle pay frictionlessly here? */
@Command(name = "cylinder-check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends a signed cylinder-check (the tag read from the cylinder and/or the plate) and prints the",
                "result body as JSON on stdout: the fill decision, the payment decision and the check id."},
        footer = {"",
                "Exit codes: 0 the cylinder may be filled, 5 do not fill (fillCode says why; also when payment would pass),",
                "  1 timeout, 2 bad arguments, 3 broker unreachable or refused, 4 unexpected error, 6 the request was rejected."})
final class CylinderCheckCommand implements Callable<Integer> {

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--tag", paramLabel = "TAG", description = "the cylinder's electronic tag id as read")
    String tag;

    @Option(names = "--plate", paramLabel = "PLATE", description = "plate as typed or read, e.g. 黑E12345 (at least one of --tag and --plate)")
    String plate;

    @Option(names = {"--colour", "--color"}, paramLabel = "COLOUR", defaultValue = "BLUE",
            description = "plate colour: BLUE (default), YELLOW, GREEN, WHITE, BLACK, or NONE")
    String colour;

    @Option(names = "--medium", paramLabel = "MEDIUM", defaultValue = "CNG", description = "what the pump dispenses: CNG (default), LNG, HCNG")
    String medium;

    @Option(names = "--pump", paramLabel = "ID", description = "pump id")
    String pump;

    @Option(names = "--attendant", paramLabel = "ID", description = "attendant id")
    String attendant;

    @Option(names = "--request-id", paramLabel = "ID", description = "resend this requestId (UUID or ULID) instead of a new UUIDv7")
    String requestId;

    @CommandLine.Mixin
    DeviceOptions deviceOptions;

    CylinderCheckCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        CylinderCheckRequest request = request();
        DeviceOptions.Device d = deviceOptions.resolve(spec, env, err);
        JsonNode body;
        try {
            body = ask(d, request, err);
        } catch (DeviceLink.LinkException e) {
            err.println("handheld: " + e.getMessage());
            return HandheldCli.BROKER;
        } catch (TimeoutException e) {
            err.println("handheld: no result for requestId " + request.requestId() + "; resend with --request-id " + request.requestId());
            return HandheldCli.TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HandheldCli.TIMEOUT;
        } catch (ExecutionException e) {
            err.println("handheld: unexpected error: " + e.getCause());
            return HandheldCli.UNEXPECTED;
        }
        out.println(ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body));
        err.println(summary(body));
        return exitCode(body);
    }

    /** The request these options describe, or a usage error. */
    CylinderCheckRequest request() {
        if (tag == null && plate == null) {
            throw usage("give --tag, --plate, or both");
        }
        if (tag != null && !tag.matches("[A-Za-z0-9_-]{4,64}")) {
            throw usage("--tag is 4 to 64 letters, digits, '_' or '-'");
        }
        if (plate != null && plate.isBlank()) {
            throw usage("--plate must not be blank");
        }
        String m = medium.strip().toUpperCase(Locale.ROOT);
        if (!Media.ALL.contains(m)) {
            throw usage("--medium must be one of " + Media.ALL);
        }
        if (requestId != null && !Ids.isValidMessageId(requestId)) {
            throw usage("--request-id must be a UUID (36 characters) or a ULID (26 characters)");
        }
        return new CylinderCheckRequest(requestId != null ? requestId : Ids.newUuidV7(), tag, plate, plate == null ? null : colour(),
                m, pump, attendant);
    }

    private String colour() {
        if ("NONE".equalsIgnoreCase(colour)) {
            return null;
        }
        try {
            return PlateColour.parse(colour).name();
        } catch (InvalidPlateException e) {
            throw usage("--colour: " + e.getMessage() + " (BLUE, YELLOW, GREEN, WHITE or BLACK)");
        }
    }

    static JsonNode ask(DeviceOptions.Device d, CylinderCheckRequest request, PrintStream err)
            throws DeviceLink.LinkException, TimeoutException, InterruptedException, ExecutionException, IOException {
        err.println("requestId " + request.requestId());
        return Exchange.request(d, Topics.CYLINDER_CHECK, Topics.CYLINDER_CHECK_RESULT, MessageTypes.CYLINDER_CHECK,
                MessageTypes.CYLINDER_CHECK_RESULT, request, request.requestId(), "requestId", err);
    }

    static int exitCode(JsonNode body) {
        if (!CylinderCheckResult.CHECKED.equals(body.path("status").asText())) {
            return HandheldCli.REJECTED;
        }
        return CylinderCheckResult.ALLOWED.equals(body.path("fill").asText()) ? HandheldCli.OK : HandheldCli.DO_NOT_FILL;
    }

    static String summary(JsonNode body) {
        if (!CylinderCheckResult.CHECKED.equals(body.path("status").asText())) {
            return "REJECTED " + body.path("reasonCode").asText() + ": " + body.path("message").asText("");
        }
        String fill = CylinderCheckResult.ALLOWED.equals(body.path("fill").asText()) ? "FILL" : "DO NOT FILL (" + body.path("fillCode").asText() + ")";
        String pay = CylinderCheckResult.ALLOWED.equals(body.path("payment").asText())
                ? "pays frictionlessly, up to " + com.platepay.protocol.charge.Money.format(body.path("remaining").asLong()) + " "
                        + body.path("currency").asText()
                : "take another payment (" + body.path("paymentCode").asText() + ")";
        return fill + "; " + pay + "; check " + body.path("checkId").asText();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
