package com.platepay.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run empties its work folder first, but never a folder it did not make. */
class WorkDirTest {

    @Test
    void aFolderWithSomeoneElsesFilesIsRefused(@TempDir Path dir) throws IOException {
        Path precious = Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThrows(IOException.class, () -> FaultsCli.fresh(dir));
        assertTrue(Files.exists(precious));
    }

    @Test
    void aFolderAnEarlierRunMadeIsEmptied(@TempDir Path dir) throws IOException {
        Path work = FaultsCli.fresh(dir.resolve("run"));
        Path old = Files.createDirectories(work.resolve("pgdata")).resolve("PG_VERSION");
        Files.writeString(old, "14");
        FaultsCli.fresh(work);
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(work.resolve(FaultsCli.MARKER)));
    }
}
