package com.platepay.protocol.sim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/**
 * The voucher counter: 1, 2, 3, ... kept in a file that is forced to the disk before a number is used, so a number is
 * never handed out twice, whatever the clock says and however the simulator ends. It also never goes below the
 * highest counter in the queue (a damaged counter file cannot make a number come round again). A number taken by a
 * voucher that was never completed is simply skipped: gaps are allowed, reuse is not.
 */
final class VoucherCounter {

    private final Path file;

    VoucherCounter(Path file) {
        this.file = file;
    }

    /** Runs {@code work} holding the counter's lock, so two runs on one device cannot interleave their vouchers. */
    <T> T locked(Callable<T> work) throws Exception {
        // A lock file of its own: closing any channel on a locked file may drop the process's lock on it.
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        OfflineFiles.ensureExists(lock);
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.READ, StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            return work.call();
        }
    }

    /** The next number after both the stored one and {@code highestIssued}, stored (and forced) before it is returned. */
    long next(long highestIssued) throws IOException {
        OfflineFiles.ensureExists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(32);
            ch.read(buf, 0);
            long stored = 0;
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
            if (!text.isEmpty()) {
                try {
                    stored = Long.parseLong(text);
                } catch (NumberFormatException damaged) {
                    stored = 0;   // the queue's highest counter still holds the floor
                }
            }
            long next = Math.max(stored, highestIssued) + 1;
            // Same length or longer than before, written from the start: no truncate, so no moment with an empty file.
            ch.write(ByteBuffer.wrap(String.format("%019d%n", next).getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(true);
            return next;
        }
    }
}
