package com.platepay.protocol.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.protocol.cylinder.CylinderCheckRequest;
import com.platepay.protocol.cylinder.CylinderCheckResult;
import com.platepay.protocol.plate.InvalidPlateException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handheld fill}: the whole fill in one go, as the attendant works: check the cylinder (and whether the
 * vehicle pays frictionlessly; the server holds the tank's price), fill, then charge the amount filled, naming the
 * check so the charge completes its hold.
 */
@Command(name = "fill", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks the cylinder (cylinder-check; the server holds the tank's price when the station has one), and when",
                "it may be filled and the vehicle pays frictionlessly, sends the charge for --amount naming the check, which",
                "completes the hold and releases the rest. Prints each result body as JSON on stdout."},
        footer = {"",
                "Exit codes: 0 paid, 5 do not fill (nothing charged), 6 not paid (take another payment: the payment part",
                "  refused, the charge was declined, or the check was rejected), 1 timeout (resend the charge with",
                "  'handheld charge --charge-id ID'; it is never debited twice), 2 bad arguments, 3 broker unreachable (and no",
                "  offline allow-list held), 4 unexpected, 8 refused offline (not on the allow-list, over the plate's daily floor,",
                "  no usable list, or do not fill), 10 accepted offline (a signed voucher is queued; it is charged when uploaded).",
                "",
                "Offline: with --offline, or when the broker cannot be reached or the cylinder-check gets no answer, the fill is",
                "decided on the device from the server-signed allow-list 'handheld sync' keeps (refused when it is missing,",
                "unsigned, for another device or expired), within the plate's daily floor counted on the device, and a signed",
                "voucher numbered by the durable counter is forced to the queue beside the device file; exit 0 then means the",
                "voucher was issued. The next connected 'fill' or 'sync' uploads the queue in counter order."})
final class FillCommand implements Callable<Integer> {

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--plate", required = true, paramLabel = "PLATE", description = "plate as typed or read, e.g. 黑E12345")
    String plate;

    @Option(names = "--amount", required = true, paramLabel = "YUAN", converter = ChargeCommand.AmountConverter.class,
            description = "amount filled in yuan, at most 2 decimals, e.g. 128.50")
    long amount;

    @Option(names = "--tag", paramLabel = "TAG", description = "the cylinder's electronic tag id as read (without it, every cylinder on the plate is checked)")
    String tag;

    @Option(names = {"--colour", "--color"}, paramLabel = "COLOUR", defaultValue = "BLUE", description = "plate colour (default BLUE), or NONE")
    String colour;

    @Option(names = "--medium", paramLabel = "MEDIUM", defaultValue = "CNG", description = "what the pump dispenses: CNG (default), LNG, HCNG")
    String medium;

    @Option(names = "--pump", paramLabel = "ID", description = "pump id")
    String pump;

    @Option(names = "--attendant", paramLabel = "ID", description = "attendant id")
    String attendant;

    @Option(names = "--currency", paramLabel = "ISO4217", defaultValue = "CNY", description = "currency (default ${DEFAULT-VALUE})")
    String currency;

    @Option(names = "--offline", description = "decide on the device and issue a voucher, without trying the server")
    boolean offline;

    @Option(names = "--clock-skew", paramLabel = "DURATION", defaultValue = "0s", converter = SignedDurationConverter.class,
            description = "simulate a device clock that is off by this much: -3h, +90m, 2d (default 0s). Vouchers keep their"
                    + " counter order whatever it says")
    Duration clockSkew;

    @CommandLine.Mixin
    DeviceOptions deviceOptions;

    FillCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        if (amount <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--amount must be more than 0");
        }
        CylinderCheckCommand asCheck = new CylinderCheckCommand(env, out, err);
        asCheck.spec = spec;
        asCheck.tag = tag;
        asCheck.plate = plate;
        asCheck.colour = colour;
        asCheck.medium = medium;
        asCheck.pump = pump;
        asCheck.attendant = attendant;
        CylinderCheckRequest check = asCheck.request();
        DeviceOptions.Device d = deviceOptions.resolve(spec, env, err);
        OfflineFiles files = OfflineFiles.of(d);
        if (offline) {
            if (files == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--offline needs a device file (--device-file): the allow-list and the voucher queue live beside it");
            }
            return offline(d, files, check);
        }
        String chargeId = Ids.newUuidV7();
        boolean charging = false;
        try {
            if (files != null && !new VoucherQueue(files).pending().isEmpty()) {
                err.println("fill: uploading the vouchers issued offline first");
                new OfflineSync(d, files, out, err).run(false, Duration.ZERO);
            }
            JsonNode checked = CylinderCheckCommand.ask(d, check, err);
            print(checked);
            err.println(CylinderCheckCommand.summary(checked));
            int verdict = CylinderCheckCommand.exitCode(checked);
            if (verdict != HandheldCli.OK) {
                return verdict == HandheldCli.DO_NOT_FILL ? HandheldCli.DO_NOT_FILL : HandheldCli.NOT_PAID;
            }
            if (!CylinderCheckResult.ALLOWED.equals(checked.path("payment").asText())) {
                err.println("fill: the vehicle does not pay frictionlessly here; fill and take another payment");
                return HandheldCli.NOT_PAID;
            }
            // With a hold placed for this check, the charge completes it (at most the hold; the rest is released).
            String checkId = checked.hasNonNull("held") ? checked.path("checkId").asText() : null;
            if (checkId != null && amount > checked.path("held").asLong()) {
                err.println("fill: " + com.platepay.protocol.charge.Money.format(amount) + " is over the "
                        + com.platepay.protocol.charge.Money.format(checked.path("held").asLong()) + " held; the server will refuse it (OVER_HOLD)");
            }
            ChargeRequest charge = new ChargeRequest(chargeId, plate, check.plateColour(), amount, currency, null, null, null, pump,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), attendant, checkId);
            new SentCharges(d.beside(".sent")).save(charge);
            charging = true;
            err.println("chargeId " + chargeId + " (if no result arrives, resend with 'handheld charge --charge-id " + chargeId + "')");
            JsonNode paid = Exchange.request(d, Topics.CHARGE, Topics.CHARGE_RESULT, MessageTypes.CHARGE, MessageTypes.CHARGE_RESULT,
                    charge, chargeId, "chargeId", err);
            print(paid);
            boolean approved = ResultStatus.APPROVED.name().equals(paid.path("status").asText());
            err.println(approved ? "PAID " + com.platepay.protocol.charge.Money.format(amount) + " " + currency
                    : "NOT PAID " + paid.path("reasonCode").asText() + ": take another payment");
            return approved ? HandheldCli.OK : HandheldCli.NOT_PAID;
        } catch (DeviceLink.LinkException e) {
            err.println("handheld: " + e.getMessage());
            if (!charging && files != null && Files.exists(files.allowList())) {
                err.println("fill: the server cannot be reached: deciding offline");
                return offline(d, files, check);
            }
            return HandheldCli.BROKER;
        } catch (TimeoutException e) {
            if (!charging && files != null && Files.exists(files.allowList())) {
                err.println("fill: no answer to the cylinder-check in time: deciding offline");
                return offline(d, files, check);
            }
            err.println("handheld: no result in time; resend the charge with 'handheld charge --charge-id " + chargeId + "'");
            return HandheldCli.TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HandheldCli.TIMEOUT;
        } catch (ExecutionException e) {
            err.println("handheld: unexpected error: " + e.getCause());
            return HandheldCli.UNEXPECTED;
        }
    }

    /** The fill decided on the device: a voucher, or a refusal the attendant can act on. */
    private int offline(DeviceOptions.Device d, OfflineFiles files, CylinderCheckRequest check) throws IOException {
        String normalised;
        String plateColour = check.plateColour();
        try {
            PlateNumber p = PlateNumber.parse(plate);
            normalised = p.text();
            if (plateColour == null) {
                plateColour = p.impliedColour().map(Enum::name).orElse(null);
            }
            if (plateColour != null) {
                p.checkColour(PlateColour.valueOf(plateColour));
            }
        } catch (InvalidPlateException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plate: " + e.getMessage());
        }
        if (plateColour == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "offline, the plate's colour is needed (--colour)");
        }
        OfflineFill.Outcome outcome;
        try {
            outcome = new OfflineFill(d, files, Clock.offset(Clock.systemUTC(), clockSkew)).fill(new OfflineFill.Fill(normalised,
                    plateColour, tag, check.medium(), amount, currency, pump, attendant));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the offline voucher could not be issued: " + e.getMessage(), e);
        }
        if (outcome instanceof OfflineFill.Refused r) {
            err.println("OFFLINE REFUSED: " + r.why());
            return HandheldCli.OFFLINE_REFUSED;
        }
        OfflineFill.Issued issued = (OfflineFill.Issued) outcome;
        out.println(ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(issued.voucher()));
        err.println(OfflineFill.issuedLine(issued));
        // Not paid yet: 0 is kept for a fill the bank has approved.
        return HandheldCli.OFFLINE_ACCEPTED;
    }

    /** A duration with a sign: -3h, +90m, 500ms, 2d. */
    static final class SignedDurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final java.util.regex.Pattern SIGNED = java.util.regex.Pattern.compile("([+-]?)(\\d{1,9})(ms|s|m|h|d)?");

        @Override
        public Duration convert(String value) {
            java.util.regex.Matcher m = SIGNED.matcher(value.strip());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("not a duration such as -3h, +90m, 30s or 500ms: '" + value + "'");
            }
            long n = Long.parseLong(m.group(2));
            String unit = m.group(3) == null ? "s" : m.group(3);
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
            return "-".equals(m.group(1)) ? d.negated() : d;
        }
    }

    private void print(JsonNode body) throws IOException {
        out.println(ProtocolCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body));
    }
}
