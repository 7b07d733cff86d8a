package com.platepay.banksim;

import com.platepay.banksim.accounts.AccountService;
import com.platepay.banksim.accounts.FleetAccounts;
import com.platepay.banksim.debits.DebitService;
import com.platepay.banksim.faults.FaultInjector;
import com.platepay.banksim.holds.HoldService;
import com.platepay.banksim.http.BankApi;
import com.platepay.banksim.refunds.RefundApi;
import com.platepay.banksim.refunds.RefundService;
import com.platepay.banksim.refunds.SettlementFile;
import com.platepay.banksim.http.HoldApi;
import com.platepay.banksim.state.BankStore;
import com.platepay.banksim.state.StateFile;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The simulated bank listening on HTTP, in this JVM. {@link BankSimulatorMain} runs it as a program. */
public final class BankSimulatorServer implements AutoCloseable {
    /** Enough threads that responses held back by faults never block other requests. */
    private static final int THREADS = 64;

    private final HttpServer http;
    private final ExecutorService executor;
    private final BankStore store;
    private final HoldService holds;

    private BankSimulatorServer(HttpServer http, ExecutorService executor, BankStore store, HoldService holds) {
        this.http = http;
        this.executor = executor;
        this.store = store;
        this.holds = holds;
    }

    /**
     * @param host      address to bind, e.g. 127.0.0.1
     * @param port      0 picks a free port
     * @param stateFile null keeps everything in memory
     * @param log       one line per request
     */
    public record Options(String host, int port, Path stateFile, PrintStream log, String fleetPrefix, long fleetBalance) {
        public Options(String host, int port, Path stateFile, PrintStream log) {
            this(host, port, stateFile, log, null, 0);
        }
    }

    public static BankSimulatorServer start(Options options) throws IOException {
        BankStore store = options.stateFile() == null
                ? BankStore.inMemory()
                : BankStore.persistent(new StateFile(options.stateFile()));
        Clock clock = Clock.systemUTC();
        AccountService accounts = new AccountService(store, clock);
        FleetAccounts fleet = options.fleetPrefix() == null ? null : new FleetAccounts(options.fleetPrefix(), options.fleetBalance(), accounts);
        FaultInjector faults = new FaultInjector();
        BankApi api = new BankApi(accounts, new DebitService(store, clock, fleet), faults);
        RefundService refunds = new RefundService(store, clock);
        RefundApi refundApi = new RefundApi(refunds, new SettlementFile(store, refunds), faults);
        HoldService holds = new HoldService(store, clock, options.stateFile() == null ? null
                : options.stateFile().resolveSibling(options.stateFile().getFileName() + ".holds.journal"));

        HttpServer http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread t = new Thread(task, "bank-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", new HoldApi(holds, faults).addTo(refundApi.addTo(api.router(options.log()))));
        http.start();
        return new BankSimulatorServer(http, executor, store, holds);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port();
    }

    private String hostForUrl() {
        String host = http.getAddress().getAddress().getHostAddress();
        if (http.getAddress().getAddress().isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Stops listening, abandons responses still held back by faults, and writes a last snapshot. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        holds.close();
        store.close();
    }
}
