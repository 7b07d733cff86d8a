package com.platepay.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What one benchmark run was asked for. {@code rate} 0 means flat out: {@code inFlight} charges outstanding at all times. */
record BenchSettings(Path workDir, Path serverJar, Path bankJar, List<String> serverJvm, Map<String, String> serverProperties,
                     int vehicles, int devices, int rate, int inFlight, int warmupSeconds, int durationSeconds,
                     int pgbenchClients, int pgbenchSeconds, long seed) {
}
