package com.platepay.banksim.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes the --state file (the snapshot); every write goes to a temporary file, is fsync'd, and is then
 * renamed over it, so the file is always a whole snapshot. Not final: a test holds a write open to show that changes
 * go on meanwhile.
 */
public class StateFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path path;

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** The journal that holds the changes made since this snapshot. */
    public Path journalPath() {
        return path.resolveSibling(path.getFileName() + ".journal");
    }

    /** The stored snapshot, or null when the file does not exist yet. */
    public StateSnapshot read() throws IOException {
        if (!Files.exists(path)) {
            return null;
        }
        return JSON.readValue(path.toFile(), StateSnapshot.class);
    }

    public void write(StateSnapshot snapshot) {
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                    out.write(JSON.writeValueAsBytes(snapshot));
                    out.getFD().sync();
                }
                try {
                    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the state file " + path, e);
        }
    }
}
