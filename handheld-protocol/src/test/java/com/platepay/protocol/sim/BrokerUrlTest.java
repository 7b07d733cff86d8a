package com.platepay.protocol.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broker URLs and where a device file's TLS files are found. */
class BrokerUrlTest {

    @TempDir
    Path dir;

    @Test
    void mqttsIsTlsOn8883AndPlainIsOnlyWhatTheUrlSays() {
        BrokerUrl tls = BrokerUrl.parse("mqtts://broker.example.org");
        assertTrue(tls.tls());
        assertEquals(8883, tls.port());
        assertEquals("mqtts://broker.example.org:8883", tls.toString());
        assertTrue(BrokerUrl.parse("ssl://h:9000").tls());
        BrokerUrl plain = BrokerUrl.parse("tcp://h");
        assertFalse(plain.tls());
        assertEquals(1883, plain.port());
        assertThrows(IllegalArgumentException.class, () -> BrokerUrl.parse("http://h:80"));
    }

    @Test
    void aDeviceFilesCaFileIsFoundBesideItAndAFileWithoutOneTrustsTheJvm() throws Exception {
        Path file = dir.resolve("handheld.json");
        Files.writeString(file, """
                {"deviceId":"d","siteId":"s","privateKey":"k","broker":"mqtts://127.0.0.1:18883","caFile":"tls/ca.pem"}""");
        BrokerUrl url = DeviceConfig.read(file).brokerUrl("mqtts://127.0.0.1:8883", dir);
        assertEquals(dir.resolve("tls/ca.pem"), url.caFile());
        assertEquals(18883, url.port());
        Files.writeString(file, """
                {"deviceId":"d","siteId":"s","privateKey":"k","caFile":"/etc/platepay/ca.pem"}""");
        BrokerUrl absolute = DeviceConfig.read(file).brokerUrl("mqtts://127.0.0.1:8883", dir);
        assertEquals(Path.of("/etc/platepay/ca.pem"), absolute.caFile());
        assertEquals("mqtts://127.0.0.1:8883", absolute.toString(), "no broker in the file: the default, over TLS");
        Files.writeString(file, """
                {"deviceId":"d","siteId":"s","privateKey":"k","broker":"mqtts://h"}""");
        assertNull(DeviceConfig.read(file).brokerUrl("tcp://x", dir).caFile());
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsRefusedNotTrustedEmpty() throws Exception {
        Path empty = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        BrokerUrl url = BrokerUrl.parse("mqtts://h").withCa(empty);
        assertThrows(IllegalArgumentException.class, url::sslConfig);
    }
}
