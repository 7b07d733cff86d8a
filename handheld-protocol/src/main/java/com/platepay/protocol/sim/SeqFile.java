package com.platepay.protocol.sim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The device's message counter. {@code next()} returns {@code max(last + 1, now in epoch millis)} and stores it, under
 * a file lock, so seq grows even across concurrent runs, a lost file or a clock set back. Without a file it is the
 * epoch millis alone.
 */
public final class SeqFile {
    private final Path file;

    public SeqFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public long next() throws IOException {
        long now = System.currentTimeMillis();
        if (file == null) {
            return now;
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            ByteBuffer buf = ByteBuffer.allocate(64);
            while (ch.read(buf) > 0 && buf.hasRemaining()) {
                // read up to 64 bytes
            }
            long last = 0;
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
            if (!text.isEmpty()) {
                try {
                    last = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    last = 0; // a damaged counter falls back to the clock
                }
            }
            long next = Math.max(last + 1, now);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(true);
            return next;
        }
    }
}
