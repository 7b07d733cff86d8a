package com.platepay.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.platepay.platform.PlatePayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * HiveMQ CE inside the server process, with PlatePay's device authentication and ACL as an embedded extension.
 * Devices connect over TLS on host:port by default (a {@code tls-tcp-listener} with the configured keystore); plain
 * MQTT is served there only with {@code platepay.mqtt.tls=false}, or beside it on {@code embedded.plain-port}. The
 * generated {@code config.xml} holds the keystore password, so it is created 0600 (as is the client-CA trust store).
 */
class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);

    private final EmbeddedHiveMQ hive;

    private EmbeddedBroker(EmbeddedHiveMQ hive) {
        this.hive = hive;
    }

    static EmbeddedBroker start(PlatePayConfig.Mqtt config, DeviceAuthenticator authenticator) {
        try {
            Path home = config.embedded().dataDir().map(Path::of).orElse(Files.createTempDirectory("platepay-hivemq"));
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("extensions"));
            String listeners = BrokerListeners.xml(config, conf);
            BrokerListeners.writePrivate(conf.resolve("config.xml"), """
                    <hivemq>
                      <listeners>%s</listeners>
                      <persistence><mode>in-memory</mode></persistence>
                      <mqtt>
                        <queued-messages><max-queue-size>%d</max-queue-size><strategy>discard</strategy></queued-messages>
                        <packets><max-packet-size>%d</max-packet-size></packets>
                        <receive-maximum><server-receive-maximum>%d</server-receive-maximum></receive-maximum>
                      </mqtt>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(listeners, config.embedded().maxQueuedMessages(), config.embedded().maxPacketBytes(),
                    config.embedded().receiveMaximum()));
            EmbeddedExtension extension = EmbeddedExtension.builder()
                    .withId("platepay-device-auth").withName("PlatePay device authentication").withVersion("1")
                    .withAuthor("PlatePay").withPriority(1000).withStartPriority(1000)
                    .withExtensionMain(new ExtensionMain() {
                        @Override
                        public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
                            Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
                        }

                        @Override
                        public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
                        }
                    })
                    .build();
            EmbeddedHiveMQ hive = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectories(home.resolve("data")))
                    .withExtensionsFolder(home.resolve("extensions"))
                    .withEmbeddedExtension(extension)
                    .withoutLoggingBootstrap()
                    .build();
            hive.start().get(60, TimeUnit.SECONDS);
            LOG.infof("embedded MQTT broker listening on %s://%s:%d%s", config.tls() ? "mqtts" : "tcp", config.host(), config.port(),
                    config.embedded().plainPort().isPresent() ? " and plain tcp://" + config.host() + ":" + config.embedded().plainPort().getAsInt() : "");
            return new EmbeddedBroker(hive);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the embedded broker's folders", e);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded MQTT broker did not start on " + config.host() + ":" + config.port(), e);
        }
    }

    void stop() {
        try {
            hive.stop().get(30, TimeUnit.SECONDS);
            hive.close();
        } catch (Exception e) {
            LOG.warn("embedded broker did not stop cleanly", e);
        }
    }
}
