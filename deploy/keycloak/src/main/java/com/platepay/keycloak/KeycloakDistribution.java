package com.platepay.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Gives each work dir its own Keycloak home. Keycloak writes its H2 database, transaction logs and the augmented
 * {@code lib/quarkus} into its home, so two instances (demo and tests) must never share one.
 */
final class KeycloakDistribution {
    static final String VERSION = "26.7.3";
    static final String HOME_NAME = "keycloak-" + VERSION;
    /** The name this module's build gives the zip in target/keycloak-dist/. */
    static final String ZIP_NAME = "keycloak-quarkus-dist.zip";

    private KeycloakDistribution() {
    }

    /**
     * Returns {@code workDir/keycloak-26.7.3}, creating it if absent from the zip, a folder holding
     * keycloak-quarkus-dist.zip (this module's target/keycloak-dist), or an unpacked distribution.
     */
    static Path prepareHome(Path distZipOrUnpackedDir, Path workDir) throws IOException {
        Path home = workDir.resolve(HOME_NAME);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        // Prepared under a temporary name and renamed, so an interrupted copy is never mistaken for a home.
        Path partial = workDir.resolve(HOME_NAME + ".partial");
        deleteTree(partial);
        Path zipInFolder = distZipOrUnpackedDir.resolve(ZIP_NAME);
        if (Files.isRegularFile(distZipOrUnpackedDir)) {
            unzip(distZipOrUnpackedDir, partial);
        } else if (Files.isRegularFile(zipInFolder)) {
            unzip(zipInFolder, partial);
        } else if (Files.isRegularFile(distZipOrUnpackedDir.resolve("bin/kc.sh"))) {
            copyTree(distZipOrUnpackedDir, partial);
        } else {
            throw new IOException("not a Keycloak distribution zip, a folder holding " + ZIP_NAME
                    + ", or an unpacked distribution: " + distZipOrUnpackedDir.toAbsolutePath());
        }
        Files.move(partial, home);
        return home;
    }

    /** Unpacks the zip's single top-level folder (keycloak-26.7.3/) into {@code target}. */
    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the distribution folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out);
                }
            }
        }
        // java.util.zip drops Unix modes; the launch scripts must be executable.
        try (Stream<Path> scripts = Files.list(target.resolve("bin"))) {
            for (Path script : (Iterable<Path>) scripts.filter(p -> p.toString().endsWith(".sh"))::iterator) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(dir);
                // A home that has run holds a database; a copy must start fresh.
                if (relative.toString().equals("data")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(relative));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
