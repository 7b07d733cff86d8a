package com.platepay.protocol.sim;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./platepay handheld ...}: the attendant's handheld, simulated.
 *
 * <p>Exit codes: 0 a result arrived (charge: whatever its status; cylinder-check: the cylinder may be filled; fill:
 * paid), 1 no result before the timeout, 2 bad arguments or no device configured, 3 the broker could not be reached
 * or refused us, 4 anything unexpected, 5 do not fill, 6 not paid (fill) or rejected (cylinder-check), 7 differences
 * (shift-report), 8 refused offline (fill), 9 vouchers left to upload (sync), 10 accepted offline (fill).
 */
@Command(name = "handheld", mixinStandardHelpOptions = true, version = "PlatePay handheld simulator, protocol v1",
        description = "Simulates an attendant's handheld on the PlatePay MQTT protocol.",
        footer = {"", "Exit codes: 0 result received (charge), may fill (cylinder-check), paid (fill); 1 timeout, 2 bad arguments,",
                "  3 broker unreachable or refused, 4 unexpected error, 5 do not fill, 6 not paid (fill) or rejected (cylinder-check),",
                "  7 differences (shift-report), 8 refused offline (fill), 9 vouchers left to upload (sync),",
                "  10 accepted offline (fill: a voucher is queued, charged when it is uploaded)."})
public final class HandheldCli implements Runnable {
    public static final int OK = 0;
    public static final int TIMEOUT = 1;
    public static final int USAGE = 2;
    public static final int BROKER = 3;
    public static final int UNEXPECTED = 4;
    /** cylinder-check and fill: the cylinder must not be filled. */
    public static final int DO_NOT_FILL = 5;
    /** cylinder-check: the request itself was rejected; fill: the fill was not paid frictionlessly. */
    public static final int REJECTED = 6;
    public static final int NOT_PAID = 6;
    /** shift-report: the device's log and the server's record differ. */
    public static final int DIFFERENCES = 7;
    /** fill offline: refused on the device (not on the allow-list, over the plate's floor, no usable list, do not fill). */
    public static final int OFFLINE_REFUSED = 8;
    /** sync: vouchers the server has not settled are left in the queue. */
    public static final int VOUCHERS_LEFT = 9;
    /** fill offline: accepted on the device, a signed voucher queued; not paid until it is uploaded and charged. */
    public static final int OFFLINE_ACCEPTED = 10;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed, e.g. 'charge'");
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err, System.getenv());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the CLI in-process (tests use this); returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cl = new CommandLine(new HandheldCli());
        cl.addSubcommand("charge", new ChargeCommand(env, out, err));
        cl.addSubcommand("cylinder-check", new CylinderCheckCommand(env, out, err));
        cl.addSubcommand("fill", new FillCommand(env, out, err));
        cl.addSubcommand("shift-report", new ShiftReportCommand(env, out, err));
        cl.addSubcommand("sync", new SyncCommand(env, out, err));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("handheld: unexpected error: " + ex);
            return UNEXPECTED;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            err.println("handheld: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            }
            return USAGE;
        });
        return cl.execute(args);
    }
}
