package com.platepay.protocol.sim;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real MQTT 5 broker (embedded HiveMQ CE) on a free port, with user/password checks like a production broker. */
final class TestBroker implements AutoCloseable {
    private final EmbeddedHiveMQ hive;
    final int port;

    TestBroker(Path dir, Map<String, String> users) throws Exception {
        port = freePort();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <hivemq>
                  <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedExtension auth = EmbeddedExtension.builder()
                .withId("test-auth").withName("test-auth").withVersion("1").withAuthor("platepay")
                .withPriority(0).withStartPriority(1000)
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
                        Services.securityRegistry().setAuthenticatorProvider(input -> (SimpleAuthenticator) (authIn, authOut) -> {
                            String user = authIn.getConnectPacket().getUserName().orElse("");
                            String pw = authIn.getConnectPacket().getPassword()
                                    .map(b -> StandardCharsets.UTF_8.decode(b.duplicate()).toString()).orElse("");
                            if (pw.equals(users.get(user))) {
                                authOut.authenticateSuccessfully();
                            } else {
                                authOut.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "wrong user name or password");
                            }
                        });
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
                    }
                })
                .build();
        hive = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(dir.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
                .withEmbeddedExtension(auth)
                .withoutLoggingBootstrap()
                .build();
        hive.start().get(30, TimeUnit.SECONDS);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        hive.stop().get(30, TimeUnit.SECONDS);
        hive.close();
    }
}
