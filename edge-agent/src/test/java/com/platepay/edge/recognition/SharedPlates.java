package com.platepay.edge.recognition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the evaluation photos ({@code shared/data/plates}) that sit beside a checkout but never in it: from
 * {@code -DPLATEPAY_SHARED} or {@code $PLATEPAY_SHARED} (the {@code shared} folder), else the first ancestor of the
 * working directory that has a {@code shared/data/plates} folder.
 */
public final class SharedPlates {

    private SharedPlates() {
    }

    public static Optional<Path> locate() {
        String configured = System.getProperty("PLATEPAY_SHARED", System.getenv("PLATEPAY_SHARED"));
        if (configured != null && !configured.isBlank()) {
            Path plates = Path.of(configured).resolve("data/plates");
            return Files.isDirectory(plates) ? Optional.of(plates) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path plates = dir.resolve("shared/data/plates");
            if (Files.isDirectory(plates.resolve("dev/images"))) {
                return Optional.of(plates);
            }
        }
        return Optional.empty();
    }
}
