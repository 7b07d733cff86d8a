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
import com.platepay.sites.DeviceLookup;
import com.platepay.sites.DeviceRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Per-device authentication and topic ACL for the embedded broker. A device connects with its id as client id
 * and username and its secret as password; it may publish only to its own request topics and subscribe only to
 * its own result and command topics (sites.DeviceAccess, the rules the EMQX hooks apply too). Everything else is denied.
 */
class DeviceAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = Logger.getLogger(DeviceAuthenticator.class);
    private final DeviceLookup devices;
    private final ServerIdentity server;

    DeviceAuthenticator(DeviceLookup devices, ServerIdentity server) {
        this.devices = devices;
        this.server = server;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
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

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
