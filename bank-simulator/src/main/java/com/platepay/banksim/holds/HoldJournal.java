package com.platepay.banksim.holds;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * The holds' own append-only journal beside the bank's state file ({@code FILE.holds.journal}), one JSON line per
 * change, each fsync'd before the answer goes out. It is small (a hold is a handful of lines), so it is replayed
 * whole at start and never compacted. Kept apart from the debits' journal so the two evolve without touching each
 * other; a completion's money movement is a debit in the bank's own journal.
 */
final class HoldJournal implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** A hold answered (HELD or DECLINED), completed, voided, or a void that came before its hold. */
    record Line(String type, HoldRecord hold, String key, Long amount, String at) {
    }

    private final Path path;
    private FileChannel channel;

    private HoldJournal(Path path) {
        this.path = path;
    }

    /** Null path: in memory only. The file appears with the first hold, so a bank that never held has none. */
    static HoldJournal open(Path path) {
        return new HoldJournal(path);
    }

    static List<Line> read(Path path) throws IOException {
        List<Line> lines = new ArrayList<>();
        if (path == null || !Files.exists(path)) {
            return lines;
        }
        for (String text : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (text.isBlank()) {
                continue;
            }
            try {
                lines.add(MAPPER.readValue(text, Line.class));
            } catch (IOException torn) {
                break;   // a line torn by a crash was never answered: everything before it stands
            }
        }
        return lines;
    }

    synchronized void append(Line line) {
        if (path == null) {
            return;
        }
        try {
            if (channel == null) {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            channel.write(ByteBuffer.wrap((MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("the holds journal could not be written", e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing at shutdown; every line was already forced
            }
        }
    }
}
