package com.platepay.protocol.sim;

import com.platepay.protocol.DeviceKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every handheld subcommand shares: who the device is (a device file, or flags over it), how to reach the
 * broker, how long to wait. {@link #resolve} turns them into a {@link Device} or a usage error.
 */
final class DeviceOptions {
    static final String DEFAULT_BROKER = "mqtts://127.0.0.1:8883";

    @Option(names = "--device-file", paramLabel = "FILE",
            description = "device JSON {deviceId, siteId, mqttUsername, mqttPassword, privateKey, broker, serverPublicKey, caFile}")
    Path deviceFile;

    @Option(names = "--device-id", paramLabel = "ID", description = "device id (overrides the file)")
    String deviceId;

    @Option(names = "--site-id", paramLabel = "ID", description = "site id (overrides the file)")
    String siteId;

    @Option(names = "--username", paramLabel = "NAME", description = "MQTT user name (default: the file's mqttUsername, else the device id)")
    String username;

    @Option(names = "--password", paramLabel = "PW", description = "MQTT password (overrides the file)")
    String password;

    @Option(names = "--private-key", paramLabel = "B64", description = "device Ed25519 private key, base64 PKCS#8 (overrides the file)")
    String privateKey;

    @Option(names = "--server-key", paramLabel = "B64",
            description = "the server's Ed25519 public key, base64 X.509 (overrides the file); results that it does not verify are ignored")
    String serverKey;

    @Option(names = "--broker", paramLabel = "URL", description = "mqtts://host:port or tcp://host:port (default: the file's broker, else " + DEFAULT_BROKER + ")")
    String broker;

    @Option(names = "--ca", paramLabel = "PEM",
            description = "CA certificate(s) the broker's TLS certificate must chain to (default: the file's caFile, else the JVM's trust store)")
    String caFile;

    @Option(names = "--client-cert", paramLabel = "P12", description = "the device's own TLS client certificate, PKCS#12 (default: the file's clientCertificate)")
    String clientCertificate;

    @Option(names = "--client-cert-password", paramLabel = "PW", description = "the client certificate file's password")
    String clientCertificatePassword;

    @Option(names = "--client-id", paramLabel = "ID", description = "MQTT client id (default: the device id)")
    String clientId;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = ChargeCommand.DurationConverter.class,
            description = "how long to wait for the broker and then for the result: 10s, 500ms, 1m (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--mqtt", paramLabel = "5|3", defaultValue = "5", description = "MQTT version: 5 (default) or 3 (3.1.1)")
    int mqttVersion;

    @Option(names = "--seq-file", paramLabel = "FILE", description = "where the message counter is kept (default: beside the device file)")
    Path seqFile;

    /** A device ready to talk: its identity, keys, broker, and where its local files are (file null: none kept). */
    record Device(DeviceConfig config, Path file, PrivateKey key, PublicKey server, BrokerUrl broker, String mqttUser,
                  String clientId, Duration timeout, int mqttVersion, Path seqPath) {

        DeviceLink link() {
            // Every run reports the device's presence (status topic, with its last will) around its exchange.
            return new PresenceLink(mqttVersion == 3 ? new Mqtt3Link(broker) : new Mqtt5Link(broker), this);
        }

        /** A file or folder beside the device file ({@code handheld.json} -> {@code handheld<suffix>}), or null. */
        Path beside(String suffix) {
            if (file == null) {
                return null;
            }
            String name = file.getFileName().toString();
            String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
            return file.resolveSibling(base + suffix);
        }
    }

    Device resolve(CommandLine.Model.CommandSpec spec, Map<String, String> env, PrintStream err) {
        if (mqttVersion != 5 && mqttVersion != 3) {
            throw usage(spec, "--mqtt must be 5 or 3");
        }
        if (timeout.isZero()) {
            throw usage(spec, "--timeout must be more than 0");
        }
        Path file = deviceFile;
        if (file == null && deviceId == null) {
            file = ChargeCommand.demoDeviceFile(env);
            if (!Files.exists(file)) {
                throw usage(spec, "no device configured: run ./platepay demo first (it writes " + file + "),"
                        + " or pass --device-file FILE, or --device-id, --site-id, --password and --private-key");
            }
        }
        DeviceConfig fromFile = new DeviceConfig(null, null, null, null, null, null, null);
        if (file != null) {
            try {
                fromFile = DeviceConfig.read(file);
            } catch (NoSuchFileException e) {
                throw usage(spec, "device file " + file + " does not exist (run ./platepay demo first, or pass the device flags)");
            } catch (IOException e) {
                throw usage(spec, e.getMessage());
            }
        }
        DeviceConfig device = fromFile.overriddenBy(new DeviceConfig(deviceId, siteId, username, password, privateKey, broker, serverKey,
                null, null, clientCertificatePassword));
        if (device.deviceId() == null || device.siteId() == null || device.privateKey() == null) {
            throw usage(spec, "the device needs a device id, a site id and a private key (--device-id, --site-id, --private-key, or a device file)");
        }
        PrivateKey key;
        try {
            key = DeviceKeys.decodePrivate(device.privateKey());
        } catch (IllegalArgumentException e) {
            throw usage(spec, "the private key is " + e.getMessage());
        }
        PublicKey server = null;
        if (device.serverPublicKey() != null) {
            try {
                server = DeviceKeys.decodePublic(device.serverPublicKey());
            } catch (IllegalArgumentException e) {
                throw usage(spec, "the server key is " + e.getMessage());
            }
        } else {
            err.println("handheld: warning: no server key (serverPublicKey in the device file, or --server-key): "
                    + "results are not checked");
        }
        BrokerUrl brokerUrl;
        try {
            // A flag names a file from the working folder, the device file from the device file's own folder.
            brokerUrl = device.brokerUrl(DEFAULT_BROKER, file == null ? null : file.toAbsolutePath().getParent());
            if (caFile != null) {
                brokerUrl = brokerUrl.withCa(Path.of(caFile));
            }
            if (clientCertificate != null) {
                brokerUrl = brokerUrl.withClientCertificate(Path.of(clientCertificate), device.clientCertificatePassword());
            }
            if (brokerUrl.tls()) {
                brokerUrl.sslConfig();   // a CA or client certificate file that cannot be read is a usage error, now
            }
        } catch (IllegalArgumentException e) {
            throw usage(spec, e.getMessage());
        }
        String mqttUser = device.mqttUsername() != null ? device.mqttUsername() : device.deviceId();
        Path seqPath = seqFile != null ? seqFile : (file == null ? null : ChargeCommand.seqBeside(file));
        return new Device(device, file, key, server, brokerUrl, mqttUser, clientId != null ? clientId : device.deviceId(), timeout,
                mqttVersion, seqPath);
    }

    private static CommandLine.ParameterException usage(CommandLine.Model.CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
