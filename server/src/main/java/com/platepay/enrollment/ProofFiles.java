package com.platepay.enrollment;

import com.platepay.platform.PlatePayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The proof images, as files in one folder outside the database (platepay.proofs.dir): the folder is 0700 and each
 * file 0600, created with those modes (never widened afterwards), so only the server's OS user reads them; who may
 * see one through the API is decided by {@link VehicleProofs} and {@link ProofReview}. A file is named by its
 * proof's random id only, so a name says nothing about its driver or plate. Blocking I/O: call from a worker thread.
 */
@ApplicationScoped
public class ProofFiles {

    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    public ProofFiles(PlatePayConfig config) {
        this.dir = Path.of(config.proofs().dir()).toAbsolutePath();
    }

    void prepare(@Observes StartupEvent event) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        if (!EnumSet.copyOf(DIR_MODE).containsAll(mode)) {
            Files.setPosixFilePermissions(dir, DIR_MODE);
        }
    }

    /** Writes the image durably (fsync) under its final name, or leaves nothing behind. */
    public void write(UUID proofId, byte[] bytes) {
        Path tmp = dir.resolve(proofId + ".part");
        try {
            try (FileChannel out = FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(FILE_MODE))) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(tmp, file(proofId), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("could not store proof " + proofId, e);
        }
    }

    public byte[] read(UUID proofId) {
        try {
            return Files.readAllBytes(file(proofId));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read proof " + proofId, e);
        }
    }

    /** Forgets an image nobody needs any more (replaced, or its upload never committed). */
    public void delete(UUID proofId) {
        deleteQuietly(file(proofId));
    }

    Path file(UUID proofId) {
        return dir.resolve(proofId.toString());
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover file is private to the server and harmless; the next cleanup may take it
        }
    }
}
