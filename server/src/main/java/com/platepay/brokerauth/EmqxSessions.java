package com.platepay.brokerauth;

import com.platepay.platform.PlatePayConfig;
import com.platepay.sites.DeviceChanged;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Cuts a device's live session on EMQX when its secret is rotated or it is disabled (after the commit), so the
 * change takes effect at once there as on the embedded broker: EMQX's management API kicks the client, and its
 * reconnect meets the hooks, which refuse it. Without the API configured the session lasts until the device
 * reconnects, and the server refuses its messages meanwhile (it checks status and key per message).
 */
@ApplicationScoped
public class EmqxSessions {

    private static final Logger LOG = Logger.getLogger(EmqxSessions.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Optional<String> baseUrl;
    private final String key;
    private final String secret;
    private final WebClient http;

    public EmqxSessions(Vertx vertx, PlatePayConfig config) {
        PlatePayConfig.BrokerHooks hooks = config.brokerHooks();
        this.baseUrl = hooks.emqxApiUrl().filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""));
        this.key = hooks.emqxApiKey().orElse("");
        this.secret = hooks.emqxApiSecret().orElse("");
        if (baseUrl.isPresent() && (key.isEmpty() || secret.isEmpty())) {
            throw new IllegalStateException("platepay.broker-hooks.emqx-api-url needs emqx-api-key and emqx-api-secret");
        }
        this.http = WebClient.create(vertx);
    }

    void cut(@Observes DeviceChanged changed) {
        if (baseUrl.isEmpty()) {
            return;
        }
        String clientId = changed.deviceId().toString();
        String url = baseUrl.get() + "/api/v5/clients/" + URLEncoder.encode(clientId, StandardCharsets.UTF_8);
        http.deleteAbs(url).basicAuthentication(key, secret).timeout(TIMEOUT.toMillis()).send().subscribe().with(
                response -> {
                    // 404: the device was not connected, which is as good as cut.
                    if (response.statusCode() != 204 && response.statusCode() != 404) {
                        LOG.warnf("EMQX did not cut the session of device %s: HTTP %d", clientId, response.statusCode());
                    }
                },
                failure -> LOG.warnf("could not reach EMQX to cut the session of device %s: %s", clientId, failure.getMessage()));
    }
}
