package com.platepay.sites;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.UUID;

/** One device of the operator's: view, rotate its secrets, disable or enable it. */
@Path("/api/v1/operator/devices")
@RolesAllowed(Roles.OPERATOR)
public class OperatorDeviceResource {

    private final OperatorDirectory operators;
    private final BrokerAccounts broker;
    private final AuditLog audit;
    private final ResultSigningKey server;
    private final Event<DeviceChanged> changed;

    public OperatorDeviceResource(OperatorDirectory operators, BrokerAccounts broker, AuditLog audit,
                                  ResultSigningKey server, Event<DeviceChanged> changed) {
        this.operators = operators;
        this.broker = broker;
        this.audit = audit;
        this.server = server;
        this.changed = changed;
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<DeviceResource.DeviceView> get(@PathParam("id") UUID id) {
        return operators.current().flatMap(o -> owned(o, id)).map(DeviceResource.DeviceView::of);
    }

    /**
     * New password and signing key. The old ones stop at once: the live session is cut after the commit (not
     * before, or the device could reconnect with the old secret in between), and later messages are refused.
     */
    @POST
    @Path("/{id}/credentials")
    public Uni<DeviceResource.IssuedDevice> rotate(@PathParam("id") UUID id) {
        DeviceCredentials credentials = DeviceCredentials.generate();
        return Panache.withTransaction(() -> operators.current().flatMap(o -> owned(o, id)).map(d -> {
            d.mqttPasswordHash = credentials.passwordHash();
            d.publicKey = credentials.publicKey();
            d.updatedAt = Instant.now();
            return DeviceResource.issued(d, credentials, server);
        }).call(() -> audit.record(AuditAction.DEVICE_CREDENTIALS_ROTATED, AuditedResource.DEVICE, id, "old password and key refused")))
                // Cached device reads are dropped before the session is cut, so its reconnect meets the new secret.
                .invoke(() -> changed.fire(new DeviceChanged(id)))
                .call(issued -> broker.rotated(id, issued.device().siteId(), credentials.mqttPassword()));
    }

    /** Disabled at once: the live session is cut after the commit, and new connections and messages are refused. */
    @POST
    @Path("/{id}/disable")
    public Uni<DeviceResource.DeviceView> disable(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> setStatus(id, Device.Status.DISABLED, AuditAction.DEVICE_DISABLED))
                .invoke(() -> changed.fire(new DeviceChanged(id)))
                .call(() -> broker.disabled(id));
    }

    @POST
    @Path("/{id}/enable")
    public Uni<DeviceResource.DeviceView> enable(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> setStatus(id, Device.Status.ACTIVE, AuditAction.DEVICE_ENABLED))
                .invoke(() -> changed.fire(new DeviceChanged(id)))
                .call(() -> broker.enabled(id));
    }

    private Uni<DeviceResource.DeviceView> setStatus(UUID id, Device.Status status, AuditAction action) {
        return operators.current().flatMap(o -> owned(o, id)).map(d -> {
            d.status = status;
            d.updatedAt = Instant.now();
            return DeviceResource.DeviceView.of(d);
        }).call(() -> audit.record(action, AuditedResource.DEVICE, id, null));
    }

    private static Uni<Device> owned(Operator operator, UUID deviceId) {
        return Device.<Device>find("id = ?1 and siteId in (select s.id from Site s where s.operatorId = ?2)", deviceId, operator.id)
                .firstResult().map(d -> {
                    if (d == null) {
                        throw ApiException.notFound("device");
                    }
                    return d;
                });
    }
}
