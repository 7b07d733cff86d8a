package com.platepay.banksim.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only journal beside the snapshot: one JSON line per change, each with a sequence number. A change is
 * answered only once its line is on disk; threads that wait for the disk at the same time share one fsync
 * (group commit), so the journal costs one fsync per burst, not one per debit.
 */
final class Journal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path path;
    private final FileChannel channel;
    private final Object syncMutex = new Object();
    private long lastSeq;
    private long entriesSinceReset;
    private volatile long syncedSeq;

    private Journal(Path path, FileChannel channel, long lastSeq, long entries) {
        this.path = path;
        this.channel = channel;
        this.lastSeq = lastSeq;
        this.syncedSeq = lastSeq;
        this.entriesSinceReset = entries;
    }

    /** The entries on disk and the journal opened for appending after them. */
    record Opened(Journal journal, List<JournalEntry> entries) {
    }

    /**
     * Reads every whole line; a torn last line (the process died while writing it) is cut off. A bad line before
     * the end means the file was damaged some other way, and the bank refuses to start rather than guess.
     */
    static Opened open(Path path, long seqFloor) throws IOException {
        Files.createDirectories(path.getParent());
        List<JournalEntry> entries = new ArrayList<>();
        long goodBytes = 0;
        if (Files.exists(path)) {
            byte[] bytes = Files.readAllBytes(path);
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                try {
                    entries.add(JSON.readValue(line, JournalEntry.class));
                } catch (JsonProcessingException e) {
                    throw new IOException("journal " + path + " is damaged at byte " + start, e);
                }
                start = i + 1;
                goodBytes = start;
            }
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(goodBytes);
        channel.position(goodBytes);
        long lastSeq = entries.isEmpty() ? seqFloor : Math.max(seqFloor, entries.get(entries.size() - 1).seq());
        return new Opened(new Journal(path, channel, lastSeq, entries.size()), entries);
    }

    /** Appends the entries (not yet durable: call {@link #sync(long)}) and returns the last one's sequence number. */
    synchronized long append(List<JournalEntry> entries) {
        StringBuilder lines = new StringBuilder();
        try {
            for (JournalEntry entry : entries) {
                lines.append(JSON.writeValueAsString(entry.withSeq(++lastSeq))).append('\n');
            }
            ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the journal " + path, e);
        }
        entriesSinceReset += entries.size();
        return lastSeq;
    }

    /** Returns once every entry up to seq is on disk; one fsync covers every append made before it started. */
    void sync(long seq) {
        if (syncedSeq >= seq) {
            return;
        }
        synchronized (syncMutex) {
            if (syncedSeq >= seq) {
                return;
            }
            long covered;
            synchronized (this) {
                covered = lastSeq;
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("could not fsync the journal " + path, e);
            }
            syncedSeq = covered;
        }
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    synchronized long entriesSinceReset() {
        return entriesSinceReset;
    }

    /** Empties the journal once a snapshot holds everything in it; sequence numbers keep counting up. */
    synchronized void reset() {
        try {
            channel.truncate(0);
            channel.position(0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty the journal " + path, e);
        }
        entriesSinceReset = 0;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the journal " + path, e);
        }
    }
}
