package com.platepay.iso8583;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * System trace audit numbers (field 11): 000001 to 999999, then round again. The file holds the end of the block
 * of numbers handed out so far; a restart starts after it, so a number is never used twice however the process
 * ended, at the cost of skipping the rest of a block. One fsync per {@link #BLOCK} numbers.
 */
public final class StanSequence {
    static final int BLOCK = 1_000;
    private static final int MAX = 999_999;

    private final Path file;
    private int next;
    private int reservedUpTo;

    private StanSequence(Path file, int next) {
        this.file = file;
        this.next = next;
        this.reservedUpTo = next - 1;
    }

    public static StanSequence open(Path file) throws IOException {
        int last = 0;
        if (Files.exists(file)) {
            last = Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        return new StanSequence(file, wrap(last + 1));
    }

    /** The next STAN, six digits. */
    public synchronized String next() {
        if (next > reservedUpTo || next == 1 && reservedUpTo == MAX) {
            reserveFrom(next);
        }
        int stan = next;
        next = wrap(next + 1);
        return String.format("%06d", stan);
    }

    private void reserveFrom(int first) {
        reservedUpTo = Math.min(MAX, first + BLOCK - 1);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(Integer.toString(reservedUpTo).getBytes(StandardCharsets.US_ASCII)));
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reserve STANs in " + file, e);
        }
    }

    private static int wrap(int n) {
        return n > MAX || n < 1 ? 1 : n;
    }
}
