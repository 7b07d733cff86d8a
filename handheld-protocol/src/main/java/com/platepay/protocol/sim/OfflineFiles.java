package com.platepay.protocol.sim;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an offline handheld keeps what it must not lose, beside its device file ({@code handheld.json} ->
 * {@code handheld.allow-list.json}, {@code handheld.voucher-counter}, {@code handheld.vouchers},
 * {@code handheld.vouchers-settled}).
 */
record OfflineFiles(Path allowList, Path counter, Path queue, Path settled) {

    static OfflineFiles of(DeviceOptions.Device d) {
        if (d.file() == null) {
            return null;
        }
        return new OfflineFiles(d.beside(".allow-list.json"), d.beside(".voucher-counter"), d.beside(".vouchers"),
                d.beside(".vouchers-settled"));
    }

    /** After creating a file, its directory entry must reach the disk too, or a power cut can lose the whole file. */
    static void syncDirectory(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be opened (the data itself was forced already).
        }
    }

    static void ensureExists(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try {
                Files.createFile(file);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                return;
            }
            syncDirectory(file);
        }
    }
}
