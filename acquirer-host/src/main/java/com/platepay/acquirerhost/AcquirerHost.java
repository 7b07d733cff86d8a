package com.platepay.acquirerhost;

import com.platepay.iso8583.Iso87Packager;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.jpos.iso.ISOServer;
import org.jpos.iso.channel.NACChannel;
import org.jpos.util.ThreadPool;

/**
 * The simulated acquirer in this JVM: a jPOS ISOServer speaking PlatePay's field set over NACChannel framing
 * (2-byte length, no header), and the admin API on the JDK HttpServer.
 */
public final class AcquirerHost implements AutoCloseable {
    private final ISOServer iso;
    private final ServerSocket isoSocket;
    private final HttpServer admin;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;

    /** Ports 0 pick free ones; stateFile null keeps everything in memory. */
    public record Options(String host, int isoPort, int adminPort, Path stateFile, PrintStream log) {
    }

    private AcquirerHost(ISOServer iso, ServerSocket isoSocket, HttpServer admin, ExecutorService workers,
                         ScheduledExecutorService timers) {
        this.iso = iso;
        this.isoSocket = isoSocket;
        this.admin = admin;
        this.workers = workers;
        this.timers = timers;
    }

    public static AcquirerHost start(Options options) throws IOException {
        HostBook book = new HostBook(options.stateFile(), Clock.systemUTC());
        HostFaults faults = new HostFaults();
        ExecutorService workers = Executors.newCachedThreadPool(daemon("host-worker"));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("host-timer"));

        // ISOServer asks its factory for the listening socket: bound here, so port 0 works and the port is known.
        ServerSocket isoSocket = new ServerSocket(options.isoPort(), 128, InetAddress.getByName(options.host()));
        ISOServer iso = new ISOServer(isoSocket.getLocalPort(), new NACChannel(Iso87Packager.create(), null),
                new ThreadPool(1, 100, "host-sessions"));
        iso.setSocketFactory(port -> isoSocket);
        iso.addISORequestListener(new IsoRequestHandler(book, faults, workers, timers, options.log()));
        Thread isoThread = new Thread(iso, "host-iso-server");
        isoThread.setDaemon(true);
        isoThread.start();

        HttpServer admin = HttpServer.create(new InetSocketAddress(options.host(), options.adminPort()), 64);
        admin.setExecutor(Executors.newFixedThreadPool(4, daemon("host-admin")));
        admin.createContext("/", new AdminApi(book, faults));
        admin.start();
        return new AcquirerHost(iso, isoSocket, admin, workers, timers);
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

    public int isoPort() {
        return isoSocket.getLocalPort();
    }

    public int adminPort() {
        return admin.getAddress().getPort();
    }

    @Override
    public void close() {
        admin.stop(0);
        iso.shutdown();
        workers.shutdownNow();
        timers.shutdownNow();
    }
}
