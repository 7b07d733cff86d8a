package com.platepay.iso8583;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.channel.NACChannel;

/**
 * One persistent, multiplexed connection to the acquirer (what jPOS's ChannelAdaptor + QMUX do, without Q2):
 * many requests are in flight at once on one socket, and each answer is matched to its request by terminal
 * (field 41) and STAN (field 11). A reader thread owns the socket and reconnects after a drop; every
 * {@code echoInterval} an 0800 echo checks the link, and an echo without an 0810 drops and rebuilds it.
 * When the link goes down, every request still waiting fails with {@link LinkDownException}: its outcome is
 * unknown, and the caller reverses by advice rather than asking again.
 * Framing: a 2-byte binary length header and no TPDU (jPOS NACChannel with no header).
 */
public final class AcquirerLink implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AcquirerLink.class.getName());

    public record Settings(String host, int port, Duration reconnectDelay, Duration echoInterval, Duration echoTimeout) {
    }

    private final Settings settings;
    private final ISOPackager packager;
    private final AcquirerMessages messages;
    private final MessageAuthenticator mac;
    private final ConcurrentMap<String, CompletableFuture<ISOMsg>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService echoes;
    private final Thread reader;
    private final Object upSignal = new Object();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile BaseChannel channel;
    private volatile boolean closed;

    public AcquirerLink(Settings settings, ISOPackager packager, AcquirerMessages messages, MessageAuthenticator mac) {
        this.settings = settings;
        this.packager = packager;
        this.messages = messages;
        this.mac = mac;
        this.reader = new Thread(this::run, "iso8583-link-" + settings.host() + ":" + settings.port());
        this.reader.setDaemon(true);
        this.echoes = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "iso8583-echo");
            t.setDaemon(true);
            return t;
        });
    }

    public AcquirerLink start() {
        reader.start();
        long every = settings.echoInterval().toMillis();
        echoes.scheduleWithFixedDelay(this::echo, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    public boolean isUp() {
        return channel != null;
    }

    /** How many times the link has come up since start: more than one means it was rebuilt (for monitoring). */
    public int connections() {
        return connections.get();
    }

    /** Waits until the link is up; false if it is not within the timeout. */
    public boolean awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (upSignal) {
            while (channel == null && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(upSignal, left);
            }
        }
        return channel != null;
    }

    /**
     * Sends a request and completes with its answer; fails with {@link LinkDownException} when the link is down or
     * drops, or with {@link TimeoutException} when no answer comes in time.
     */
    public CompletableFuture<ISOMsg> request(ISOMsg message, Duration timeout) {
        BaseChannel current = channel;
        if (current == null) {
            return CompletableFuture.failedFuture(new LinkDownException("the link to the acquirer is down"));
        }
        String key = correlationKey(message);
        CompletableFuture<ISOMsg> answer = new CompletableFuture<>();
        pending.put(key, answer);
        answer.whenComplete((m, e) -> pending.remove(key, answer));
        try {
            message.setPackager(packager);
            mac.sign(message);
            current.send(message);
        } catch (IOException | ISOException e) {
            answer.completeExceptionally(new LinkDownException("sending failed: " + e.getClass().getSimpleName()));
            disconnect(current);
            return answer;
        }
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String correlationKey(ISOMsg m) {
        return m.getString(Fields.TERMINAL_ID) + "/" + m.getString(Fields.STAN);
    }

    private void run() {
        while (!closed) {
            NACChannel connecting = new NACChannel(settings.host(), settings.port(), packager, null);
            try {
                connecting.setTimeout(0);
                connecting.connect();
                channel = connecting;
                connections.incrementAndGet();
                synchronized (upSignal) {
                    upSignal.notifyAll();
                }
                LOG.log(Level.INFO, "ISO 8583 link to {0}:{1} is up", settings.host(), Integer.toString(settings.port()));
                read(connecting);
            } catch (IOException | ISOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "ISO 8583 link to {0}:{1} is down ({2})", settings.host(),
                            Integer.toString(settings.port()), e.getClass().getSimpleName());
                }
            } finally {
                channel = null;
                disconnect(connecting);
                failPending();
            }
            sleep(settings.reconnectDelay());
        }
    }

    private void read(BaseChannel from) throws IOException, ISOException {
        while (!closed) {
            ISOMsg answer = from.receive();
            CompletableFuture<ISOMsg> waiting = pending.get(correlationKey(answer));
            if (waiting != null && mac.verify(answer)) {
                waiting.complete(answer);
            } else {
                LOG.log(Level.INFO, "late or unmatched answer {0} STAN {1} (39={2}) dropped", answer.getMTI(),
                        answer.getString(Fields.STAN), answer.getString(Fields.RESPONSE_CODE));
            }
        }
    }

    /** 0800 echo now; completes with the 0810. */
    public CompletableFuture<ISOMsg> echoNow() {
        return request(messages.echo(messages.identity(Mti.NETWORK, 0, "CNY")), settings.echoTimeout());
    }

    private void echo() {
        BaseChannel current = channel;
        if (current == null) {
            return;
        }
        echoNow().whenComplete((m, e) -> {
            if (e != null || !ResponseCode.APPROVED.iso().equals(m.getString(Fields.RESPONSE_CODE))) {
                LOG.log(Level.WARNING, "no good echo answer from the acquirer; rebuilding the link");
                disconnect(current);
            }
        });
    }

    private void failPending() {
        for (CompletableFuture<ISOMsg> waiting : pending.values()) {
            waiting.completeExceptionally(new LinkDownException("the link dropped before the answer came"));
        }
    }

    /** Drops the connection now (the reader thread then reconnects); for tests and a failed echo. */
    public void drop() {
        BaseChannel current = channel;
        if (current != null) {
            disconnect(current);
        }
    }

    private static void disconnect(BaseChannel c) {
        try {
            c.disconnect();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        echoes.shutdownNow();
        drop();
        reader.interrupt();
        synchronized (upSignal) {
            upSignal.notifyAll();
        }
    }
}
