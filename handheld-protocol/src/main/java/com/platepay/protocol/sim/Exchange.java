package com.platepay.protocol.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ReasonCodes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request and its signed answer: sign with the device key and the next seq, publish on the device's request
 * topic, wait on its result topic for the answer that names {@code id} in {@code idField} (or, for a refusal that
 * could not read it, carries our MQTT 5 correlation data) and verifies with the server's key.
 */
final class Exchange {

    private Exchange() {
    }

    static JsonNode request(DeviceOptions.Device d, String channel, String resultChannel, String type, String resultType, Object body,
                            String id, String idField, PrintStream err)
            throws DeviceLink.LinkException, TimeoutException, InterruptedException, ExecutionException, IOException {
        DeviceConfig device = d.config();
        String requestTopic = Topics.device(device.siteId(), device.deviceId(), channel);
        String resultTopic = Topics.device(device.siteId(), device.deviceId(), resultChannel);
        long seq = new SeqFile(d.seqPath()).next();
        Envelope envelope = new EnvelopeSigner(d.key()).sign(ProtocolCodec.envelope(type, device.deviceId(), device.siteId(), seq, body));
        byte[] correlation = id.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        try (DeviceLink link = d.link()) {
            link.connect(d.clientId(), d.mqttUser(), device.mqttPassword(), d.timeout());
            link.subscribe(resultTopic, r -> onMessage(r, resultType, id, idField, correlation, d, result, err), d.timeout());
            link.publish(requestTopic, ProtocolCodec.encode(envelope), d.mqttVersion() == 5 ? resultTopic : null,
                    d.mqttVersion() == 5 ? correlation : null, d.timeout());
            return result.get(d.timeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void onMessage(DeviceLink.Received r, String resultType, String id, String idField, byte[] correlation,
                                  DeviceOptions.Device d, CompletableFuture<JsonNode> result, PrintStream err) {
        Envelope e;
        try {
            e = ProtocolCodec.decode(r.payload());
        } catch (ProtocolException ex) {
            err.println("handheld: ignoring an unreadable message on " + r.topic() + " (" + ex.code() + ": " + ex.getMessage() + ")");
            return;
        }
        if (!resultType.equals(e.type())) {
            return;
        }
        if (d.server() != null && !EnvelopeVerifier.verify(e, d.server())) {
            err.println("handheld: ignoring a result whose signature is not the server's");
            return;
        }
        JsonNode named = e.body().get(idField);
        boolean ours = named != null && named.isTextual()
                ? named.textValue().equalsIgnoreCase(id)
                : r.correlationData() != null && Arrays.equals(r.correlationData(), correlation);
        if (ours && ReasonCodes.IN_PROGRESS.equals(e.body().path("reasonCode").asText())) {
            err.println("handheld: the server is still processing this request; waiting for its result");
        } else if (ours) {
            result.complete(e.body());
        }
    }
}
