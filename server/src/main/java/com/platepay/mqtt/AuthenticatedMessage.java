package com.platepay.mqtt;

import com.platepay.protocol.Envelope;
import com.platepay.protocol.Topics;
import com.platepay.sites.DeviceRecord;

/** A device message that passed the shared checks: schema, topic, device, signature and replay window. */
public record AuthenticatedMessage(Topics.DeviceTopic topic, Envelope envelope, DeviceRecord device) {
}
