package com.platepay.protocol.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.Money;
import com.platepay.protocol.plate.InvalidPlateException;
import com.platepay.protocol.plate.PlateColour;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handheld charge}: send one signed charge and wait for its result. */
@Command(name = "charge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends a signed charge (plate + amount) and prints the result body as JSON on stdout.",
                "The chargeId is printed on stderr first; resend with --charge-id to ask again without a second debit."},
        footer = {"",
                "Device: --device-file FILE; without --device-file and --device-id, the demo's",
                "  $PLATEPAY_HOME/.platepay/demo/handheld.json. Flags override the file.",
                "seq: max(last + 1, epoch millis), kept beside the device file (handheld.seq) or in --seq-file.",
                "Sent charges are kept in handheld.sent/ beside it, so a --charge-id resend repeats the same body.",
                "Exit codes: 0 result received (any status), 1 timeout, 2 bad arguments,",
                "  3 broker unreachable or refused, 4 unexpected error."})
final class ChargeCommand implements Callable<Integer> {
    static final String DEFAULT_BROKER = DeviceOptions.DEFAULT_BROKER;
    private static final Pattern THOUSANDTHS = Pattern.compile("([0-9]{1,15})(?:\\.([0-9]{1,3}))?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)?");

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--plate", required = true, paramLabel = "PLATE", description = "plate as typed or read, e.g. 黑E12345 (the server normalises)")
    String plate;

    @Option(names = "--amount", required = true, paramLabel = "YUAN", converter = AmountConverter.class,
            description = "amount in yuan, at most 2 decimals, e.g. 128.50")
    long amount;

    @Option(names = {"--colour", "--color"}, paramLabel = "COLOUR", defaultValue = "BLUE",
            description = "plate colour: BLUE (default), YELLOW, GREEN, WHITE, BLACK, or NONE to send none (the server then"
                    + " charges only plates whose text proves the colour, such as 8-character green ones)")
    String colour;

    @Option(names = "--volume", paramLabel = "QTY", converter = ThousandthsConverter.class, description = "volume filled, at most 3 decimals, e.g. 25.300")
    Long volumeMilli;

    @Option(names = "--unit", paramLabel = "UNIT", description = "unit of --volume and --unit-price: M3 (CNG, default) or L")
    String unit;

    @Option(names = "--unit-price", paramLabel = "YUAN", converter = AmountConverter.class, description = "price per unit in yuan, e.g. 4.20")
    Long unitPrice;

    @Option(names = "--pump", paramLabel = "ID", description = "pump id")
    String pump;

    @Option(names = "--attendant", paramLabel = "ID", description = "attendant id")
    String attendant;

    @Option(names = "--charge-id", paramLabel = "ID", description = "resend this chargeId (UUID or ULID) instead of a new UUIDv7")
    String chargeId;

    @Option(names = "--currency", paramLabel = "ISO4217", defaultValue = "CNY", description = "currency (default ${DEFAULT-VALUE})")
    String currency;

    @Option(names = "--captured-at", paramLabel = "TIME", description = "when filling ended, RFC 3339 (default: now, or the first send's time on a resend)")
    String capturedAt;

    @CommandLine.Mixin
    DeviceOptions deviceOptions;

    ChargeCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        // --- arguments
        if (amount <= 0) {
            throw usage("--amount must be more than 0");
        }
        if (plate.isBlank()) {
            throw usage("--plate must not be blank");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw usage("--currency must be an ISO 4217 code such as CNY");
        }
        String plateColour = null;
        if (!"NONE".equalsIgnoreCase(colour)) {
            try {
                plateColour = PlateColour.parse(colour).name();
            } catch (InvalidPlateException e) {
                throw usage("--colour: " + e.getMessage() + " (BLUE, YELLOW, GREEN, WHITE or BLACK)");
            }
        }
        String volumeUnit = null;
        if (unit != null) {
            volumeUnit = unit.strip().toUpperCase(Locale.ROOT);
            if (!volumeUnit.equals("M3") && !volumeUnit.equals("L")) {
                throw usage("--unit must be M3 or L");
            }
        } else if (volumeMilli != null || unitPrice != null) {
            volumeUnit = "M3";
        }
        if (chargeId != null && !Ids.isValidMessageId(chargeId)) {
            throw usage("--charge-id must be a UUID (36 characters) or a ULID (26 characters)");
        }

        // --- device
        DeviceOptions.Device d = deviceOptions.resolve(spec, env, err);
        DeviceConfig device = d.config();
        Path file = d.file();
        Duration timeout = d.timeout();
        int mqttVersion = d.mqttVersion();
        String chargeTopic;
        String resultTopic;
        try {
            chargeTopic = Topics.device(device.siteId(), device.deviceId(), Topics.CHARGE);
            resultTopic = Topics.device(device.siteId(), device.deviceId(), Topics.CHARGE_RESULT);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        PrivateKey key = d.key();
        PublicKey server = d.server();
        String mqttUser = d.mqttUser();

        Instant captured = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (capturedAt != null) {
            try {
                captured = OffsetDateTime.parse(capturedAt.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw usage("--captured-at must be an RFC 3339 time such as 2026-11-23T09:00:00Z");
            }
        }

        // --- the message: a resend repeats the first send's body exactly (kept in the sent folder)
        String id = chargeId != null ? chargeId : Ids.newUuidV7();
        SentCharges sent = new SentCharges(file == null ? null : sentBeside(file));
        var first = chargeId == null ? java.util.Optional.<ChargeRequest>empty() : sent.load(id);
        if (first.isPresent() && capturedAt == null) {
            captured = first.get().capturedAt();
        }
        ChargeRequest request = new ChargeRequest(id, plate, plateColour, amount, currency, volumeMilli, volumeUnit,
                unitPrice, pump, captured, attendant);
        if (first.isPresent() && !first.get().equals(request)) {
            err.println("handheld: warning: this differs from the first send of " + id
                    + "; the server will answer IDEMPOTENCY_CONFLICT (first send: " + first.get() + ")");
        }
        sent.save(request);
        long seq = new SeqFile(d.seqPath()).next();
        Envelope envelope = new EnvelopeSigner(key).sign(
                ProtocolCodec.envelope(MessageTypes.CHARGE, device.deviceId(), device.siteId(), seq, request));
        byte[] correlation = id.getBytes(StandardCharsets.UTF_8);

        // --- the exchange
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        PublicKey resultKey = server;
        try (DeviceLink link = d.link()) {
            link.connect(d.clientId(), mqttUser, device.mqttPassword(), timeout);
            link.subscribe(resultTopic, r -> onMessage(r, id, correlation, resultKey, result), timeout);
            err.println("chargeId " + id + " (if no result arrives, resend with --charge-id " + id + "; it is never debited twice)");
            link.publish(chargeTopic, ProtocolCodec.encode(envelope), mqttVersion == 5 ? resultTopic : null,
                    mqttVersion == 5 ? correlation : null, timeout);
            JsonNode body = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            out.println(ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body));
            err.println(summary(body));
            return HandheldCli.OK;
        } catch (DeviceLink.LinkException e) {
            err.println("handheld: " + e.getMessage());
            return HandheldCli.BROKER;
        } catch (TimeoutException e) {
            err.println("handheld: no result for chargeId " + id + " within " + human(timeout)
                    + "; resend with --charge-id " + id + " (it is never debited twice)");
            return HandheldCli.TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("handheld: interrupted while waiting for chargeId " + id);
            return HandheldCli.TIMEOUT;
        } catch (ExecutionException e) {
            err.println("handheld: unexpected error: " + e.getCause());
            return HandheldCli.UNEXPECTED;
        }
    }

    private void onMessage(DeviceLink.Received r, String id, byte[] correlation, PublicKey server,
                           CompletableFuture<JsonNode> result) {
        Envelope e;
        try {
            e = ProtocolCodec.decode(r.payload());
        } catch (ProtocolException ex) {
            err.println("handheld: ignoring an unreadable message on " + r.topic() + " (" + ex.code() + ": " + ex.getMessage() + ")");
            return;
        }
        if (!MessageTypes.CHARGE_RESULT.equals(e.type())) {
            return;
        }
        // Anyone who can publish on the result topic could otherwise tell the attendant "APPROVED".
        if (server != null && !EnvelopeVerifier.verify(e, server)) {
            err.println("handheld: ignoring a result whose signature is not the server's");
            return;
        }
        JsonNode cid = e.body().get("chargeId");
        boolean ours = cid != null && cid.isTextual()
                ? cid.textValue().equalsIgnoreCase(id)
                : r.correlationData() != null && Arrays.equals(r.correlationData(), correlation);
        if (ours && ReasonCodes.IN_PROGRESS.equals(e.body().path("reasonCode").asText())) {
            // An earlier copy of this charge is still at the bank: its own result is on its way.
            err.println("handheld: the server is still processing this charge; waiting for its result");
        } else if (ours) {
            result.complete(e.body());
        } else if (cid != null && cid.isTextual()) {
            err.println("handheld: ignoring a result for another charge (" + cid.textValue() + ")");
        }
    }

    private static String summary(JsonNode body) {
        String status = body.path("status").asText("?");
        String reason = body.path("reasonCode").asText("");
        StringBuilder s = new StringBuilder(status);
        if (!reason.isEmpty() && !reason.equals(status)) {
            s.append(' ').append(reason);
        }
        if (body.path("amount").isIntegralNumber() && body.path("amount").longValue() > 0) {
            s.append(' ').append(Money.format(body.path("amount").longValue())).append(' ').append(body.path("currency").asText(""));
        }
        if (body.hasNonNull("maskedCard")) {
            s.append(" card ").append(body.get("maskedCard").asText());
        }
        if (body.hasNonNull("approvalCode")) {
            s.append(" approval ").append(body.get("approvalCode").asText());
        }
        if (body.hasNonNull("message")) {
            s.append(": ").append(body.get("message").asText());
        }
        return s.toString();
    }

    /** Where ./platepay demo writes its handheld's credentials. */
    static Path demoDeviceFile(Map<String, String> env) {
        String home = env.get("PLATEPAY_HOME");
        Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return root.resolve(".platepay").resolve("demo").resolve("handheld.json").toAbsolutePath();
    }

    static Path seqBeside(Path deviceFile) {
        String name = deviceFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return deviceFile.resolveSibling(base + ".seq");
    }

    static Path sentBeside(Path deviceFile) {
        String name = deviceFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return deviceFile.resolveSibling(base + ".sent");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    static final class AmountConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Money.parseMinorUnits(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ThousandthsConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            Matcher m = THOUSANDTHS.matcher(value);
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("not a quantity with at most 3 decimals: '" + value + "'");
            }
            String frac = m.group(2) == null ? "" : m.group(2);
            return Long.parseLong(m.group(1)) * 1000 + Long.parseLong((frac + "000").substring(0, 3));
        }
    }

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value.strip());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("not a duration such as 10s, 500ms or 1m: '" + value + "'");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
    }
}
