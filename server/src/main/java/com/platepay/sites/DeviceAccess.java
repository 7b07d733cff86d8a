package com.platepay.sites;

import com.platepay.platform.Hashes;
import com.platepay.protocol.Topics;
import java.util.List;

/**
 * What a device may do on any broker: connect with its id as client id and username and its secret as password, if
 * it is active; publish only to its own request topics, never retained except its {@code status} (which the contract
 * has retained, and which is its last will); subscribe only to its own result and command topics. One
 * rule set for the embedded broker (mqtt.DeviceAuthenticator), the roles made on Mosquitto
 * (mqtt.MosquittoDynamicSecurity) and the hooks EMQX calls (brokerauth), so they cannot drift apart.
 */
public final class DeviceAccess {

    public static final List<String> DEVICE_PUBLISHES = List.of(Topics.CHARGE, Topics.CYLINDER_CHECK, Topics.PLATE_READ, Topics.VOUCHER,
            Topics.STATUS);
    public static final List<String> DEVICE_SUBSCRIBES = List.of(Topics.CHARGE_RESULT, Topics.CYLINDER_CHECK_RESULT,
            Topics.VOUCHER_RESULT, Topics.COMMAND);

    private DeviceAccess() {
    }

    /** Why a connection is refused, for the log line; {@code null} when the device may connect. */
    public static String refusal(DeviceRecord device, String password) {
        if (device == null) {
            return "unknown device";
        }
        if (!device.active()) {
            return "disabled";
        }
        if (password == null || !Hashes.constantTimeEquals(Hashes.sha256Hex(password), device.passwordHash())) {
            return "wrong password";
        }
        return null;
    }

    /** The exact topics this device may publish to (no wildcards: a filter is not a topic). */
    public static List<String> publishTopics(DeviceRecord device) {
        return DEVICE_PUBLISHES.stream().map(channel -> topic(device, channel)).toList();
    }

    /** The exact topic filters this device may subscribe to. */
    public static List<String> subscribeTopics(DeviceRecord device) {
        return DEVICE_SUBSCRIBES.stream().map(channel -> topic(device, channel)).toList();
    }

    /**
     * Never a retained request: the broker would hand it to every server that subscribes later. The status is
     * retained by design (it changes no money, and the newest seq wins), so it alone may be.
     */
    public static boolean mayPublish(DeviceRecord device, String topic, boolean retained) {
        return device.active() && publishTopics(device).contains(topic) && (!retained || topic.equals(statusTopic(device)));
    }

    /** The one topic a device may publish retained to, and its last will's. */
    public static String statusTopic(DeviceRecord device) {
        return topic(device, Topics.STATUS);
    }

    public static boolean maySubscribe(DeviceRecord device, String topicFilter) {
        return device.active() && subscribeTopics(device).contains(topicFilter);
    }

    private static String topic(DeviceRecord device, String channel) {
        return Topics.device(device.siteId().toString(), device.id().toString(), channel);
    }
}
