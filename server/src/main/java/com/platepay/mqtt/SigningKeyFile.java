package com.platepay.mqtt;

import com.platepay.protocol.DeviceKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;

/** The result-signing key in a file only this user can read, made on first use. */
final class SigningKeyFile {

    private SigningKeyFile() {
    }

    static PrivateKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                PrivateKey key = DeviceKeys.generate().getPrivate();
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    // Created readable by this user only, before the key is in it; fails if another start made it first.
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, DeviceKeys.encodePrivate(key));
                    return key;
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // fall through and read the other start's key
                }
            }
            return DeviceKeys.decodePrivate(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the signing key file " + file + " does not hold an Ed25519 PKCS#8 key", e);
        }
    }
}
