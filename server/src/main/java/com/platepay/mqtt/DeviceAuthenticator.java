package com.platepay.mqtt;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.platepay.platform.Hashes;
import com.platepay.sites.DeviceAccess;
import com.platepay.sites.DeviceCache;
import com.platepay.sites.DeviceRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.jboss.logging.Logger;

/**
 * Per-device authentication and topic ACL for the embedded broker. A device connects with its id as client id
 * and username and its secret as password; it may publish only to its own request topics and subscribe only to
 * its own result and command topics (sites.DeviceAccess, the rules the EMQX hooks apply too). Everything else is denied.
 *
 * <p>Before anything else an address over its connection rate is refused ({@link ConnectRateLimit}). Devices are
 * read through {@link DeviceCache} (its own small pool, reads reused for a moment), so a province reconnecting at once
 * never queues ahead of the charge path. A device that shows a TLS client certificate (the listener verified its
 * chain against the client CA) must show its own: the certificate's CN is the device id.
 */
class DeviceAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = Logger.getLogger(DeviceAuthenticator.class);
    private final DeviceCache devices;
    private final ServerIdentity server;
    private final ConnectRateLimit rate;

    DeviceAuthenticator(DeviceCache devices, ServerIdentity server, ConnectRateLimit rate) {
        this.devices = devices;
        this.server = server;
        this.rate = rate;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        if (!rate.tryAcquire(input.getConnectionInformation().getInetAddress().orElse(null))) {
            output.failAuthentication(ConnackReasonCode.CONNECTION_RATE_EXCEEDED, "too many connections from this address; wait");
            return;
        }
        String clientId = input.getConnectPacket().getClientId();
        Optional<String> username = input.getConnectPacket().getUserName();
        Optional<String> password = input.getConnectPacket().getPassword().map(DeviceAuthenticator::text);
        if (username.isEmpty() || password.isEmpty()) {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "username and password are required");
            return;
        }
        if (username.get().equals(server.username())) {
            if (Hashes.constantTimeEquals(password.get(), server.password())) {
                output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.ALLOW);
                output.authenticateSuccessfully();
            } else {
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "not authorised");
            }
            return;
        }
        if (!username.get().equals(clientId)) {
            output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "a device connects with its id as client id");
            return;
        }
        Optional<X509Certificate> certificate = input.getConnectionInformation().getClientTlsInformation()
                .flatMap(tls -> tls.getClientCertificate());
        if (certificate.isPresent() && !clientId.equalsIgnoreCase(commonName(certificate.get()))) {
            LOG.infof("refused MQTT connection for %s (its client certificate names %s)", clientId, commonName(certificate.get()));
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "not authorised");
            return;
        }
        Async<SimpleAuthOutput> async = output.async(Duration.ofSeconds(5), TimeoutFallback.FAILURE, ConnackReasonCode.SERVER_UNAVAILABLE, "try again");
        devices.find(username.get()).subscribe().with(found -> {
            try {
                String refusal = DeviceAccess.refusal(found.orElse(null), password.get());
                if (refusal == null) {
                    grantOwnTopics(output, found.get());
                    output.authenticateSuccessfully();
                } else {
                    LOG.infof("refused MQTT connection for %s (%s)", username.get(), refusal);
                    output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "not authorised");
                }
            } finally {
                async.resume();
            }
        }, failure -> {
            LOG.warn("device lookup failed during MQTT connect", failure);
            output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "try again");
            async.resume();
        });
    }

    private static void grantOwnTopics(SimpleAuthOutput output, DeviceRecord device) {
        var permissions = output.getDefaultPermissions();
        // Never retained but the status (DeviceAccess.mayPublish): a retained request would be handed to every server
        // that subscribes later, again and again.
        for (String topic : DeviceAccess.publishTopics(device)) {
            boolean status = topic.equals(DeviceAccess.statusTopic(device));   // retained by design, and the last will
            permissions.add(permission(topic, TopicPermission.MqttActivity.PUBLISH,
                    status ? TopicPermission.Retain.ALL : TopicPermission.Retain.NOT_RETAINED));
        }
        for (String topic : DeviceAccess.subscribeTopics(device)) {
            permissions.add(permission(topic, TopicPermission.MqttActivity.SUBSCRIBE, TopicPermission.Retain.ALL));
        }
        permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
    }

    private static TopicPermission permission(String topic, TopicPermission.MqttActivity activity, TopicPermission.Retain retain) {
        return Builders.topicPermission().topicFilter(topic).type(TopicPermission.PermissionType.ALLOW).activity(activity)
                .qos(TopicPermission.Qos.ALL).retain(retain)
                .sharedSubscription(TopicPermission.SharedSubscription.NOT_SHARED).build();
    }

    /** The subject's CN, or "" when it has none. */
    static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            LOG.debug("client certificate subject does not parse", e);
        }
        return "";
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
