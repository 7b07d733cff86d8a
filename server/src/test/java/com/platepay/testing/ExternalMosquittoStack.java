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
 * here wrote, with its dynamic-security plugin holding the device accounts, which the server drives
 * ({@code platepay.mqtt.accounts=mosquitto-dynsec}). The plugin's admin user, made by {@code mosquitto_ctrl dynsec
 * init}, is the server's MQTT user.
 */
public class ExternalMosquittoStack extends TestStack {

    public static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final String ADMIN = "platepay-server";

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
            String adminPassword = TestIdentities.randomPassword();
            Path accounts = DynamicSecurityFile.create(dir, ADMIN, adminPassword);
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous false\npersistence false\n"
                    + "plugin " + DynamicSecurityFile.PLUGIN + "\nplugin_opt_config_file " + accounts + "\n" + DynamicSecurityFile.keepUser());
            conf.toFile().setReadable(true, false);
            mosquitto = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            awaitPort(port);
            config.put("platepay.mqtt.embedded.enabled", "false");
            config.put("platepay.mqtt.port", String.valueOf(port));
            config.put("platepay.mqtt.tls", "false");   // this Mosquitto listens plain; TLS is tested on the embedded broker
            config.put("platepay.mqtt.username", ADMIN);
            config.put("platepay.mqtt.password", adminPassword);
            config.put("platepay.mqtt.accounts", "mosquitto-dynsec");
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
