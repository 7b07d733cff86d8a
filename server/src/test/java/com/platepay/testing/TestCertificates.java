package com.platepay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA and the broker's certificate from it, made with the JDK's keytool as the demo makes them: {@code ca.pem} for
 * devices to trust, {@code broker.p12} (key, certificate for localhost and 127.0.0.1, and the CA) for the broker's
 * TLS listener. {@link #clientCertificate} issues a device its own client certificate (CN = device id).
 */
public record TestCertificates(Path dir, Path caPem, Path brokerKeystore, String password) {

    private static final Path KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool");

    /** A fresh CA (named {@code name}) and broker certificate in {@code dir}, kept if already made there. */
    public static TestCertificates create(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            String password = "test-" + name;
            TestCertificates certs = new TestCertificates(dir, dir.resolve("ca.pem"), dir.resolve("broker.p12"), password);
            if (Files.exists(certs.brokerKeystore) && Files.exists(certs.caPem)) {
                return certs;
            }
            for (String f : List.of("ca.p12", "broker.p12", "broker.csr", "broker.pem", "ca.pem")) {
                Files.deleteIfExists(dir.resolve(f));
            }
            keytool(dir, password, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=PlatePay " + name + " CA", "-ext", "bc:c", "-validity", "3650", "-keystore", "ca.p12");
            keytool(dir, password, "-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
            keytool(dir, password, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-validity", "825", "-keystore", "broker.p12");
            keytool(dir, password, "-certreq", "-alias", "broker", "-keystore", "broker.p12", "-file", "broker.csr");
            keytool(dir, password, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "broker.csr", "-outfile", "broker.pem",
                    "-rfc", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "EKU=serverAuth", "-validity", "825");
            keytool(dir, password, "-importcert", "-noprompt", "-alias", "ca", "-keystore", "broker.p12", "-file", "ca.pem");
            keytool(dir, password, "-importcert", "-alias", "broker", "-keystore", "broker.p12", "-file", "broker.pem");
            return certs;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not make the test certificates in " + dir, e);
        }
    }

    /** A PKCS#12 client certificate for {@code commonName} signed by this CA, with this set's password. */
    public Path clientCertificate(String commonName) {
        try {
            String file = "client-" + commonName + ".p12";
            Files.deleteIfExists(dir.resolve(file));
            keytool(dir, password, "-genkeypair", "-alias", "device", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + commonName, "-validity", "30", "-keystore", file);
            keytool(dir, password, "-certreq", "-alias", "device", "-keystore", file, "-file", commonName + ".csr");
            keytool(dir, password, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", commonName + ".csr",
                    "-outfile", commonName + ".pem", "-rfc", "-ext", "EKU=clientAuth", "-validity", "30");
            keytool(dir, password, "-importcert", "-noprompt", "-alias", "ca", "-keystore", file, "-file", "ca.pem");
            keytool(dir, password, "-importcert", "-alias", "device", "-keystore", file, "-file", commonName + ".pem");
            return dir.resolve(file);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not make a client certificate for " + commonName, e);
        }
    }

    private static void keytool(Path dir, String password, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(KEYTOOL.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", password, "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
