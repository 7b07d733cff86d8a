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
    /** Replaced when the journal is trimmed; read and written only under this object's lock (sync: syncMutex too). */
    private FileChannel channel;
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
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
            FileChannel current;
            synchronized (this) {
                covered = lastSeq;
                current = channel;
            }
            try {
                current.force(false);
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

    /** Where the next entry will go: a snapshot taken now holds everything before it. */
    synchronized long endOffset() {
        try {
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the journal's position " + path, e);
        }
    }

    /**
     * Drops the first {@code offset} bytes once a snapshot holds them, keeping the entries appended since (while the
     * snapshot was being written). The kept tail goes to a new file, fsync'd and renamed over the journal, so a crash
     * leaves one whole journal or the other; replay skips entries the snapshot already holds either way. Sequence
     * numbers keep counting up. Appends and fsyncs wait only for this copy of the tail, not for the snapshot.
     */
    void dropBefore(long offset) {
        synchronized (syncMutex) {
            synchronized (this) {
                try {
                    long end = channel.position();
                    ByteBuffer tail = ByteBuffer.allocate(Math.toIntExact(end - offset));
                    while (tail.hasRemaining() && channel.read(tail, offset + tail.position()) >= 0) {
                        // until the tail is read whole
                    }
                    tail.flip();
                    long kept = 0;
                    for (int i = 0; i < tail.limit(); i++) {
                        kept += tail.get(i) == '\n' ? 1 : 0;
                    }
                    Path next = path.resolveSibling(path.getFileName() + ".next");
                    try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                        while (tail.hasRemaining()) {
                            out.write(tail);
                        }
                        out.force(true);
                    }
                    Files.move(next, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    try (FileChannel folder = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
                        folder.force(true);
                    }
                    channel.close();
                    channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    channel.position(channel.size());
                    entriesSinceReset = kept;
                } catch (IOException e) {
                    throw new UncheckedIOException("could not trim the journal " + path, e);
                }
            }
        }
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
