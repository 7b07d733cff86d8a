package com.platepay.faults;

import com.platepay.acquirerhost.AcquirerHostProcess;
import com.platepay.banksim.BankSimulatorProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The run's acquirer as its own process: the HTTP simulated bank or the ISO 8583 host, and how the server meets it. */
final class AcquirerNode implements AutoCloseable {
    /** Field 41 of the run's server, so the adapter's transaction log is at a known place. */
    static final String TERMINAL_ID = "FAULTS01";

    private final Acquirer.Kind kind;
    private final BankSimulatorProcess bank;
    private final AcquirerHostProcess host;
    private final Path adapterDir;

    private AcquirerNode(Acquirer.Kind kind, BankSimulatorProcess bank, AcquirerHostProcess host, Path adapterDir) {
        this.kind = kind;
        this.bank = bank;
        this.host = host;
        this.adapterDir = adapterDir;
    }

    static AcquirerNode start(Acquirer acquirer, Path work) throws IOException {
        if (acquirer.kind() == Acquirer.Kind.HTTP) {
            return new AcquirerNode(acquirer.kind(), BankSimulatorProcess.start(acquirer.jar(), Files.createDirectories(work.resolve("bank"))),
                    null, null);
        }
        AcquirerHostProcess host = AcquirerHostProcess.start(acquirer.jar(), Files.createDirectories(work.resolve("acquirer-host")));
        return new AcquirerNode(acquirer.kind(), null, host, work.resolve("iso8583"));
    }

    String describe() {
        return kind == Acquirer.Kind.HTTP
                ? "simulated bank (HTTP) on " + bank.baseUrl() + " (log " + bank.logFile() + ")"
                : "ISO 8583 acquirer host (jPOS) on 127.0.0.1:" + host.isoPort() + ", back office " + host.adminUrl()
                        + " (log " + host.logFile() + ")";
    }

    /** Where the server opens the fleet's accounts: the HTTP bank, or the host's back office (same paths). */
    String backOfficeUrl() {
        return kind == Acquirer.Kind.HTTP ? bank.baseUrl() : host.adminUrl();
    }

    Map<String, String> serverEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("PLATEPAY_BANK_URL", backOfficeUrl());
        if (kind == Acquirer.Kind.ISO8583) {
            env.put("PLATEPAY_BANK_ACQUIRER", "iso8583");
            env.put("PLATEPAY_ISO8583_HOST", "127.0.0.1");
            env.put("PLATEPAY_ISO8583_PORT", String.valueOf(host.isoPort()));
        }
        return env;
    }

    /** The adapter's STAN counter and transaction log live with the run, and survive the server's SIGKILLs. */
    Map<String, String> serverProperties() {
        Map<String, String> p = new HashMap<>();
        if (kind == Acquirer.Kind.ISO8583) {
            p.put("platepay.bank.iso8583.state-dir", adapterDir.toString());
            p.put("platepay.bank.iso8583.terminal-id", TERMINAL_ID);
        }
        return p;
    }

    BankSide control() {
        return kind == Acquirer.Kind.HTTP ? new HttpBank(bank.baseUrl())
                : new IsoHost(host.adminUrl(), adapterDir.resolve(TERMINAL_ID).resolve("transactions.log"));
    }

    @Override
    public void close() {
        if (bank != null) {
            bank.close();
        }
        if (host != null) {
            host.close();
        }
    }
}
