package com.platepay.protocol.sim;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ResultStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Stands in for the server: takes charges from the shared subscription and answers on the response topic. */
final class Responder implements AutoCloseable {
    enum Mode { APPROVE, SILENT, DECOY_THEN_APPROVE, REJECT_WITHOUT_CHARGE_ID }

    /** What the responder saw: the raw payload and the MQTT 5 request properties (null when absent). */
    record Seen(byte[] payload, String topic, String responseTopic, byte[] correlationData) {
        Envelope envelope() throws Exception {
            return ProtocolCodec.decode(payload);
        }
    }

    final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    volatile Mode mode = Mode.APPROVE;
    private final Mqtt5AsyncClient client;
    private final EnvelopeSigner signer;
    private final AtomicLong seq = new AtomicLong();

    Responder(int port, String user, String password, PrivateKey serverKey) throws Exception {
        signer = new EnvelopeSigner(serverKey);
        client = MqttClient.builder().useMqttVersion5().identifier("test-responder")
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        client.connectWith().simpleAuth().username(user).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(Topics.sharedFilter(Topics.CHARGE)).qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::onCharge).send().get(10, TimeUnit.SECONDS);
    }

    private void onCharge(Mqtt5Publish p) {
        byte[] correlation = p.getCorrelationData().map(Responder::bytes).orElse(null);
        String responseTopic = p.getResponseTopic().map(Object::toString).orElse(null);
        seen.add(new Seen(p.getPayloadAsBytes(), p.getTopic().toString(), responseTopic, correlation));
        if (mode == Mode.SILENT) {
            return;
        }
        try {
            Envelope in = ProtocolCodec.decode(p.getPayloadAsBytes());
            ChargeRequest req = ProtocolCodec.body(in, ChargeRequest.class);
            Topics.DeviceTopic from = Topics.parse(p.getTopic().toString()).orElseThrow();
            String replyTo = responseTopic != null ? responseTopic : Topics.device(from.siteId(), from.deviceId(), Topics.CHARGE_RESULT);
            if (mode == Mode.DECOY_THEN_APPROVE) {
                reply(replyTo, correlation, from, new ChargeResult("01ARZ3NDEKTSV4RRFFQ69G5FAV", ResultStatus.DECLINED,
                        "NOT_ENROLLED", null, null, 100L, "CNY", "an older charge"));
            }
            if (mode == Mode.REJECT_WITHOUT_CHARGE_ID) {
                reply(replyTo, correlation, from, new ChargeResult(null, ResultStatus.REJECTED, "MALFORMED", null, null, null, null,
                        "could not read the charge"));
            } else {
                reply(replyTo, correlation, from, new ChargeResult(req.chargeId(), ResultStatus.APPROVED, "APPROVED", "A00042",
                        "6222 **** **** 1234", req.amount(), req.currency(), null));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void reply(String topic, byte[] correlation, Topics.DeviceTopic to, ChargeResult result) {
        Envelope out = signer.sign(ProtocolCodec.envelope(MessageTypes.CHARGE_RESULT, to.deviceId(), to.siteId(),
                seq.incrementAndGet(), result));
        var publish = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(ProtocolCodec.encode(out));
        if (correlation != null) {
            publish = publish.correlationData(correlation);
        }
        publish.send();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(5, TimeUnit.SECONDS);
    }
}
