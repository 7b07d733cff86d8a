package com.platepay.protocol.sim;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handheld sync}: what a connected handheld does for going offline, and for having been offline. */
@Command(name = "sync", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Connects, keeps the newest offline allow-list the server signed for this handheld (beside the device",
                "file: handheld.allow-list.json), then uploads every voucher issued offline that the server has not settled,",
                "one at a time in counter order (the device clock has no say), printing each voucher.result body as JSON on",
                "stdout. PAID and ARREARS answers are final and are written to handheld.vouchers-settled; a voucher uploaded",
                "twice is debited once. 'fill' does the upload part too, before it fills."},
        footer = {"", "Exit codes: 0 nothing left to upload, 9 vouchers left (PENDING, REJECTED, or no answer in time; run sync again),",
                "  2 bad arguments (offline needs a device file), 3 broker unreachable or refused, 4 unexpected error."})
final class SyncCommand implements Callable<Integer> {

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--list-wait", paramLabel = "DURATION", defaultValue = "5s", converter = ChargeCommand.DurationConverter.class,
            description = "how long to wait for the retained allow-list (default ${DEFAULT-VALUE})")
    Duration listWait;

    @Option(names = "--no-list", description = "upload vouchers only; do not wait for the allow-list")
    boolean noList;

    @CommandLine.Mixin
    DeviceOptions deviceOptions;

    SyncCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        DeviceOptions.Device d = deviceOptions.resolve(spec, env, err);
        OfflineFiles files = OfflineFiles.of(d);
        if (files == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "sync needs a device file (--device-file): the allow-list and the voucher queue live beside it");
        }
        try {
            OfflineSync.Report r = new OfflineSync(d, files, out, err).run(!noList, listWait);
            err.println("sync: allow-list version " + r.listVersion() + "; " + r.uploaded() + " voucher(s) uploaded, " + r.settled()
                    + " settled" + (r.left() > 0 ? ", " + r.left() + " left to upload again" : ""));
            int left = new VoucherQueue(files).pending().size();
            return left == 0 ? HandheldCli.OK : HandheldCli.VOUCHERS_LEFT;
        } catch (DeviceLink.LinkException e) {
            err.println("handheld: " + e.getMessage());
            return HandheldCli.BROKER;
        }
    }
}
