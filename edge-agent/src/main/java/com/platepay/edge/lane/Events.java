package com.platepay.edge.lane;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.ProtocolCodec;
import java.io.PrintStream;
import java.time.Instant;

/** One JSON line per event on stdout (for scripts), a short human line on stderr (for the person at the lane). */
final class Events {

    private final PrintStream json;
    private final PrintStream human;

    Events(PrintStream json, PrintStream human) {
        this.json = json;
        this.human = human;
    }

    ObjectNode event(String kind) {
        ObjectNode n = ProtocolCodec.mapper().createObjectNode();
        n.put("event", kind);
        n.put("at", ProtocolCodec.formatInstant(Instant.now()));
        return n;
    }

    synchronized void emit(ObjectNode event, String line) {
        json.println(event.toString());
        json.flush();
        human.println(line);
    }

    synchronized void say(String line) {
        human.println(line);
    }
}
