package com.platepay.protocol;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MQTT topic names of the device protocol (DESIGN §6).
 *
 * <p>Every device topic is {@code platepay/v1/sites/{siteId}/devices/{deviceId}/{channel}}. Site and device ids are
 * {@code [A-Za-z0-9_-]{1,64}}, so they can never carry an MQTT wildcard, a slash or a {@code $}. A channel is one of
 * the constants below ({@code charge/result}, {@code cylinder-check/result} and {@code voucher/result} have two levels).
 */
public final class Topics {
    public static final String ROOT = "platepay/v1/sites";
    public static final String SHARED_GROUP = "platepay";

    public static final String CHARGE = "charge";
    public static final String CHARGE_RESULT = "charge/result";
    public static final String CYLINDER_CHECK = "cylinder-check";
    public static final String CYLINDER_CHECK_RESULT = "cylinder-check/result";
    public static final String PLATE_READ = "plate-read";
    /** A handheld's offline vouchers, uploaded when it is connected again; answered on {@code voucher/result}. */
    public static final String VOUCHER = "voucher";
    public static final String VOUCHER_RESULT = "voucher/result";
    public static final String COMMAND = "command";
    public static final String STATUS = "status";

    /** Every channel, in a stable order. */
    public static final List<String> CHANNELS =
            List.of(CHARGE, CHARGE_RESULT, CYLINDER_CHECK, CYLINDER_CHECK_RESULT, PLATE_READ, VOUCHER, VOUCHER_RESULT, COMMAND, STATUS);
    private static final Set<String> CHANNEL_SET = Set.copyOf(CHANNELS);

    /** The pattern a site id or device id must match. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final String DEVICES = "devices";

    private Topics() {
    }

    /** A device topic split into its parts. */
    public record DeviceTopic(String siteId, String deviceId, String channel) {
        public String topic() {
            return device(siteId, deviceId, channel);
        }
    }

    /** {@code platepay/v1/sites/{siteId}/devices/{deviceId}/{channel}}; IllegalArgumentException for a bad part. */
    public static String device(String siteId, String deviceId, String channel) {
        requireId("siteId", siteId);
        requireId("deviceId", deviceId);
        requireChannel(channel);
        return ROOT + "/" + siteId + "/" + DEVICES + "/" + deviceId + "/" + channel;
    }

    /** {@code platepay/v1/sites/{siteId}/devices/{deviceId}/#}: everything one device sends and receives. */
    public static String deviceFilter(String siteId, String deviceId) {
        requireId("siteId", siteId);
        requireId("deviceId", deviceId);
        return ROOT + "/" + siteId + "/" + DEVICES + "/" + deviceId + "/#";
    }

    /** {@code $share/platepay/platepay/v1/sites/+/devices/+/{channel}}: what server replicas subscribe to. */
    public static String sharedFilter(String channel) {
        requireChannel(channel);
        return "$share/" + SHARED_GROUP + "/" + ROOT + "/+/" + DEVICES + "/+/" + channel;
    }

    /** {@code platepay/v1/sites/+/devices/+/{channel}}: every device's messages on one channel, for every subscriber. */
    public static String everyDeviceFilter(String channel) {
        requireChannel(channel);
        return ROOT + "/+/" + DEVICES + "/+/" + channel;
    }

    /** Splits a concrete device topic; empty for anything not of exactly that shape (wildcards, bad ids, unknown channel). */
    public static Optional<DeviceTopic> parse(String topic) {
        if (topic == null || !topic.startsWith(ROOT + "/")) {
            return Optional.empty();
        }
        String[] parts = topic.substring(ROOT.length() + 1).split("/", -1);
        // {siteId}/devices/{deviceId}/{channel} or {siteId}/devices/{deviceId}/{channel}/result
        if (parts.length < 4 || parts.length > 5 || !DEVICES.equals(parts[1])) {
            return Optional.empty();
        }
        String siteId = parts[0];
        String deviceId = parts[2];
        String channel = parts.length == 4 ? parts[3] : parts[3] + "/" + parts[4];
        if (!isValidId(siteId) || !isValidId(deviceId) || !CHANNEL_SET.contains(channel)) {
            return Optional.empty();
        }
        return Optional.of(new DeviceTopic(siteId, deviceId, channel));
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static boolean isChannel(String channel) {
        return channel != null && CHANNEL_SET.contains(channel);
    }

    private static void requireId(String what, String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException(what + " must match [A-Za-z0-9_-]{1,64}, got: " + id);
        }
    }

    private static void requireChannel(String channel) {
        if (!isChannel(channel)) {
            throw new IllegalArgumentException("unknown channel: " + channel + " (one of " + CHANNELS + ")");
        }
    }
}
