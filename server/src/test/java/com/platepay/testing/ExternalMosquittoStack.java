package com.platepay.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The test stack with Debian's Mosquitto as an external broker instead of the embedded HiveMQ: a broker nobody
 * here wrote. Mosquitto does no per-device ACL in this setup, so what is tested is the server's own checks.
 */
public class ExternalMosquittoStack extends TestStack {

    public static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private Process mosquitto;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createDirectories(Path.of("target", "test-stack", "mosquitto").toAbsolutePath());
            dir.toFile().setReadable(true, false);
            dir.toFile().setExecutable(true, false);
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            conf.toFile().setReadable(true, false);
            mosquitto = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            awaitPort(port);
            config.put("platepay.mqtt.embedded.enabled", "false");
            config.put("platepay.mqtt.port", String.valueOf(port));
            config.put("platepay.mqtt.username", "platepay-server");
            config.put("platepay.mqtt.password", "unused-by-anonymous-mosquitto");
            return config;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("mosquitto did not start", e);
        }
    }

    private void awaitPort(int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !mosquitto.isAlive()) {
                    throw new IOException("mosquitto did not listen on " + port);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void stop() {
        if (mosquitto != null) {
            mosquitto.destroy();
        }
        super.stop();
    }
}
