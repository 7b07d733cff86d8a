package com.platepay.faults;

import com.platepay.protocol.sim.DeviceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the server's FleetSeeder wrote: the handhelds' credentials, the plates and the bank's account ids. */
public record Fleet(List<DeviceConfig> devices, List<String> plates, List<String> bankAccounts) {

    public static boolean written(Path dir) {
        return Files.isRegularFile(dir.resolve("plates.csv")) && Files.isRegularFile(dir.resolve("bank-accounts.txt"));
    }

    public static Fleet read(Path dir) throws IOException {
        List<DeviceConfig> devices = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("devices"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                devices.add(DeviceConfig.read(f));
            }
        }
        List<String> plates = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("plates.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                plates.add(line.split(",")[0]);
            }
        }
        List<String> accounts = Files.readAllLines(dir.resolve("bank-accounts.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        return new Fleet(List.copyOf(devices), List.copyOf(plates), accounts);
    }
}
