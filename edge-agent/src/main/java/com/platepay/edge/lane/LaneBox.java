package com.platepay.edge.lane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lane: a vehicle's read goes to the journal first (fsync'd), then to the server; the server's signed answer
 * acknowledges it and drives the barrier. While the box cannot reach the broker, a plate on the allow-list is let
 * through at once and its read says so; any other plate is asked to see the attendant.
 */
public final class LaneBox implements AutoCloseable {

    private final LaneDevice device;
    private final Journal journal;
    private final CropStore crops;
    private final AllowListStore allowList;
    private final Barrier barrier;
    private final Events events;
    private final ServerMessages messages;
    private final Uplink uplink;
    private final Map<Long, CompletableFuture<LaneCommand>> answers = new ConcurrentHashMap<>();

    LaneBox(LaneDevice device, Journal journal, CropStore crops, AllowListStore allowList, Barrier barrier, Events events, Duration resendAfter) {
        this.device = device;
        this.journal = journal;
        this.crops = crops;
        this.allowList = allowList;
        this.barrier = barrier;
        this.events = events;
        this.messages = new ServerMessages(device.serverPublicKey(), device.deviceId(), Clock.systemUTC());
        this.uplink = new Uplink(device, journal, resendAfter, this::onServerMessage, this::onLink);
    }

    void start() {
        int pending = journal.pending().size();
        if (pending > 0) {
            events.say(pending + " read(s) not yet acknowledged by the server: sending them first");
        }
        uplink.start();
    }

    boolean online() {
        return uplink.connected();
    }

    /** Records a vehicle's read and sends it; the future completes with the server's answer to it. */
    public Recorded record(PassReader.Pass pass) throws IOException {
        String sha = crops.store(pass.cropPng());
        Optional<Long> offlineBy = online() ? Optional.empty() : allowList.allows(pass.plate(), pass.colour());
        PlateRead read = new PlateRead(device.lane(), device.direction(), pass.plate(), pass.colour(), pass.confidence(),
                pass.candidates().stream().map(c -> new PlateRead.Candidate(c.plate(), c.score())).toList(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), sha, offlineBy.isPresent() ? Boolean.TRUE : null, offlineBy.orElse(null));
        long seq = journal.append(ProtocolCodec.tree(read));
        CompletableFuture<LaneCommand> answer = answers.computeIfAbsent(seq, s -> new CompletableFuture<>());
        ObjectNode e = events.event("read");
        e.put("seq", seq);
        e.set("read", ProtocolCodec.tree(read));
        events.emit(e, "read " + pass.plate() + " (" + pass.confidence() / 10.0 + " %) at " + device.lane() + ", journal #" + seq);
        if (offlineBy.isPresent()) {
            barrier.open();
            emitBarrier("OPEN", "offline: on the allow-list (version " + offlineBy.get() + ")");
        } else if (!online()) {
            barrier.display("Please see the attendant");
            events.emit(events.event("offline"), "offline and not on the allow-list: please see the attendant");
        }
        uplink.flush();
        return new Recorded(seq, offlineBy.isPresent(), answer);
    }

    /** A read on the journal, whether the box opened for it itself, and the server's answer when it comes. */
    public record Recorded(long seq, boolean openedOffline, CompletableFuture<LaneCommand> answer) {
    }

    private void onServerMessage(byte[] payload) {
        messages.check(payload, why -> {
            ObjectNode e = events.event("refused");
            e.put("why", why);
            events.emit(e, "ignored " + why);
        }).ifPresent(m -> {
            try {
                if (m instanceof ServerMessages.List l) {
                    if (allowList.offer(l.allowList())) {
                        ObjectNode e = events.event("allow-list");
                        e.put("version", l.allowList().version());
                        e.put("plates", l.allowList().plates().size());
                        events.emit(e, "allow-list version " + l.allowList().version() + ": " + l.allowList().plates().size() + " plate(s)");
                    }
                } else if (m instanceof ServerMessages.Command c) {
                    act(c.command());
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /** One read opens the barrier once: a second answer to it (the box resent it, the server answered both) only logs. */
    private void act(LaneCommand c) throws IOException {
        boolean first = c.ackSeq() == null || journal.isPending(c.ackSeq());
        if (c.ackSeq() != null) {
            journal.ack(c.ackSeq());
        }
        if (!first) {
            events.say("server: " + c.decision() + " again for read #" + c.ackSeq() + " (already acted on)");
            return;
        }
        ObjectNode e = events.event("decision");
        JsonNode body = ProtocolCodec.tree(c);
        e.set("command", body);
        events.emit(e, "server: " + c.decision() + (c.amount() != null ? " " + money(c) : "") + (c.text() != null ? " - " + c.text() : ""));
        if (c.text() != null) {
            barrier.display(c.text());
        }
        if (c.action() == LaneCommand.Action.OPEN_BARRIER) {
            barrier.open();
            emitBarrier("OPEN", c.decision());
        }
        if (c.ackSeq() != null) {
            answers.computeIfAbsent(c.ackSeq(), s -> new CompletableFuture<>()).complete(c);
        }
    }

    private void emitBarrier(String state, String why) {
        ObjectNode e = events.event("barrier");
        e.put("state", state);
        e.put("why", why);
        events.emit(e, "barrier " + state + " (" + why + ")");
    }

    private void onLink(boolean up) {
        ObjectNode e = events.event(up ? "online" : "offline");
        events.emit(e, up ? "connected to the broker" : "lost the broker; reads are kept in the journal");
    }

    private static String money(LaneCommand c) {
        return String.format("%d.%02d %s", c.amount() / 100, c.amount() % 100, c.currency());
    }

    @Override
    public void close() throws IOException {
        uplink.close();
        journal.close();
        barrier.close();
    }
}
