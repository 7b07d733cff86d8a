package com.platepay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.function.Function;

/** A generated secret kept in a file made 0600 from the start, read back on later runs (a kept database needs it). */
final class SecretFile {
    private SecretFile() {
    }

    /** The file's secret, or a new one from {@code bytes} random bytes turned into text by {@code encode}. */
    static String readOrCreate(Path file, int bytes, Function<byte[], String> encode) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        String secret = encode.apply(random);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        return secret;
    }
}
