package com.platepay.edge.lane;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.protocol.ProtocolCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;

/**
 * The lane box's append-only journal: every read is written and fsync'd here before it is sent, under its
 * sequence number, and stays pending until the server's signed answer acknowledges that number. A line cut short
 * by a power cut is dropped when the journal is opened (it was never sent: sending comes after the fsync).
 *
 * <p>Lines: {@code R <seq> <base64 body>} (a read), {@code A <seq>} (acknowledged), {@code S <seq>} (the last
 * sequence number, kept when the journal is compacted). Sequence numbers start at the clock's milliseconds, so a
 * box whose journal was wiped never reuses one the server has seen.
 */
public final class Journal implements AutoCloseable {

    /** A read waiting for the server's acknowledgement. */
    public record Entry(long seq, JsonNode body) {
    }

    private final Path file;
    private final TreeMap<Long, JsonNode> pending = new TreeMap<>();
    private FileChannel channel;
    private long lastSeq;

    private Journal(Path file) {
        this.file = file;
    }

    public static Journal open(Path file) throws IOException {
        Journal j = new Journal(file);
        j.load();
        return j;
    }

    private void load() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1;   // anything after the last newline is a torn write
            for (String line : text.substring(0, end).split("\n")) {
                apply(line);
            }
        }
        compact();
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private void apply(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2) {
            return;
        }
        long seq = Long.parseLong(parts[1]);
        lastSeq = Math.max(lastSeq, seq);
        switch (parts[0]) {
            case "R" -> pending.put(seq, ProtocolCodec.mapper().readTree(Base64.getDecoder().decode(parts[2])));
            case "A" -> pending.remove(seq);
            default -> { }
        }
    }

    /** Rewrites the journal with only what is still pending, atomically. */
    private void compact() throws IOException {
        StringBuilder out = new StringBuilder("S ").append(lastSeq).append('\n');
        for (var e : pending.entrySet()) {
            out.append(readLine(e.getKey(), e.getValue()));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8)));
            c.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String readLine(long seq, JsonNode body) throws IOException {
        return "R " + seq + " " + Base64.getEncoder().encodeToString(ProtocolCodec.mapper().writeValueAsBytes(body)) + "\n";
    }

    /** Writes a read under the next sequence number and returns that number once it is on the disk. */
    public synchronized long append(JsonNode body) throws IOException {
        long seq = Math.max(lastSeq + 1, System.currentTimeMillis());
        write(readLine(seq, body));
        lastSeq = seq;
        pending.put(seq, body);
        return seq;
    }

    /** The server has this read: it need not be sent again. */
    public synchronized void ack(long seq) throws IOException {
        if (pending.remove(seq) != null) {
            write("A " + seq + "\n");
        }
    }

    /** What the server has not acknowledged, in sequence order. */
    public synchronized List<Entry> pending() {
        List<Entry> out = new ArrayList<>();
        pending.forEach((seq, body) -> out.add(new Entry(seq, body)));
        return out;
    }

    public synchronized boolean isPending(long seq) {
        return pending.containsKey(seq);
    }

    private void write(String line) throws IOException {
        channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
