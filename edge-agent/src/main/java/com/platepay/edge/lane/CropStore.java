package com.platepay.edge.lane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Keeps plate crops on the box, named by their SHA-256 (the read carries only the hash), for disputes, and
 * deletes them after the retention period: a crop is personal data.
 */
public final class CropStore {

    private final Path dir;
    private final Duration retention;

    public CropStore(Path dir, Duration retention) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.retention = retention;
    }

    /** Stores the crop and returns its SHA-256 in hex. */
    public String store(byte[] png) throws IOException {
        String sha = sha256(png);
        Path target = dir.resolve(sha + ".png");
        if (!Files.exists(target)) {
            Files.write(target, png);
        }
        prune(Instant.now());
        return sha;
    }

    /** Deletes crops older than the retention period. */
    public void prune(Instant now) throws IOException {
        FileTime cutoff = FileTime.from(now.minus(retention));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(f).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
