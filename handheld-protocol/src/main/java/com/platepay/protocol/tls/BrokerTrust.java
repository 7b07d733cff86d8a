package com.platepay.protocol.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * What an MQTT client needs to check a broker's certificate, and to show its own: trust in the CA certificates of a
 * PEM file (the demo's {@code ca.pem}, a province's CA), a keystore's own certificates, or a PKCS#12 client identity.
 * The HiveMQ client checks the host name as well whenever no host name verifier is set.
 */
public final class BrokerTrust {

    private BrokerTrust() {
    }

    /** Trusts exactly the CA certificates in this PEM file (one or more {@code BEGIN CERTIFICATE} blocks). */
    public static TrustManagerFactory fromPem(Path pem) {
        try {
            return factory(trustStore(certificates(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the CA certificates in " + pem + ": " + e.getMessage(), e);
        }
    }

    /** The certificates of a PEM file; none is an error (a wrong file would otherwise trust nothing, silently). */
    public static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new GeneralSecurityException("no certificate in the file");
            }
            return List.copyOf(certs);
        }
    }

    /** Trusts the certificates (chains) of the key entries in a keystore: the broker's own, for its own process. */
    public static TrustManagerFactory fromKeystore(Path keystore, char[] password) {
        try {
            KeyStore ks = load(keystore, password);
            List<Certificate> certs = new ArrayList<>();
            for (Enumeration<String> aliases = ks.aliases(); aliases.hasMoreElements(); ) {
                Certificate[] chain = ks.getCertificateChain(aliases.nextElement());
                if (chain != null) {
                    certs.addAll(List.of(chain));
                }
            }
            if (certs.isEmpty()) {
                throw new GeneralSecurityException("no key entry with a certificate");
            }
            return factory(trustStore(certs));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** A client identity (per-device client certificate) from a PKCS#12 file. */
    public static KeyManagerFactory clientIdentity(Path pkcs12, char[] password) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(pkcs12, password), password);
            return kmf;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the client certificate " + pkcs12 + ": " + e.getMessage(), e);
        }
    }

    /** A keystore holding these certificates as trusted entries (in memory, or to be written as a trust store). */
    public static KeyStore trustStore(List<Certificate> certs) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < certs.size(); i++) {
            ks.setCertificateEntry("ca-" + i, certs.get(i));
        }
        return ks;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        // "PKCS12" reads JKS files too (keystore.type.compat), so either kind of file works.
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }

    private static TrustManagerFactory factory(KeyStore trusted) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        return tmf;
    }
}
