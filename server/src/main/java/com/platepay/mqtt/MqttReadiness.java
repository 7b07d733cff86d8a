package com.platepay.mqtt;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the gateway is connected: without it no device can be served. */
@Readiness
@ApplicationScoped
public class MqttReadiness implements HealthCheck {

    private final MqttGateway gateway;

    public MqttReadiness(MqttGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("MQTT device gateway").status(gateway.connected()).build();
    }
}
