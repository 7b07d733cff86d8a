package com.platepay.bench;

import com.platepay.faults.Fleet;
import com.platepay.protocol.sim.DeviceConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --against URL}: a stack someone else runs. The bench starts and seeds nothing; it sends charges from the
 * handhelds it is given (a fleet folder as the server's fleet seeder writes it, or device files) over the plates it is
 * given, to the broker the device files name (or {@code --broker}), reads the server's stage timers from its
 * {@code /q/metrics}, and asks its PostgreSQL (when given {@code --db-url}) whether commits are durable.
 */
record RunningStack(URI server, List<LoadDevice> devices, List<String> plates, Optional<RemoteDatabase> database) {

    static RunningStack of(URI server, Path fleetDir, List<Path> deviceFiles, List<String> plates, String broker,
                           Optional<RemoteDatabase> database) throws IOException {
        List<LoadDevice> devices = new ArrayList<>();
        List<String> fleetPlates = new ArrayList<>();
        if (fleetDir != null) {
            Fleet fleet = Fleet.read(fleetDir);
            for (DeviceConfig d : fleet.devices()) {
                devices.add(device(d, fleetDir.resolve("devices"), broker));
            }
            fleetPlates.addAll(fleet.plates());
        }
        for (Path f : deviceFiles) {
            devices.add(device(DeviceConfig.read(f), f.toAbsolutePath().getParent(), broker));
        }
        List<String> chosen = plates.isEmpty() ? fleetPlates : plates;
        if (devices.isEmpty() || chosen.isEmpty()) {
            throw new IllegalArgumentException("--against needs handhelds (--fleet DIR or --device FILE) and plates (--plate, or the fleet's)");
        }
        return new RunningStack(server, devices, List.copyOf(chosen), database);
    }

    /** The device's broker (or {@code broker} instead), with its CA and client certificate resolved beside its file. */
    private static LoadDevice device(DeviceConfig d, Path folder, String broker) {
        DeviceConfig config = broker == null ? d : d.overriddenBy(new DeviceConfig(null, null, null, null, null, broker, null));
        if (config.broker() == null) {
            throw new IllegalArgumentException("device " + d.deviceId() + " names no broker: give --broker");
        }
        return new LoadDevice(config, config.brokerUrl(null, folder));
    }

    /** Fails unless the server answers its readiness check. */
    void checkReady() throws IOException {
        URI ready = server.resolve("/q/health/ready");
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IOException(ready + " answered " + r.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException("the server at " + server + " is not ready: " + e.getMessage(), e);
        }
    }
}
