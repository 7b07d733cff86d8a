package com.platepay.sites;

import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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

    public OperatorDeviceResource(OperatorDirectory operators) {
        this.operators = operators;
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<DeviceResource.DeviceView> get(@PathParam("id") UUID id) {
        return operators.current().flatMap(o -> owned(o, id)).map(DeviceResource.DeviceView::of);
    }

    /** New password and signing key; the old ones stop working for new connections and messages at once. */
    @POST
    @Path("/{id}/credentials")
    @WithTransaction
    public Uni<DeviceResource.IssuedDevice> rotate(@PathParam("id") UUID id) {
        DeviceCredentials credentials = DeviceCredentials.generate();
        return operators.current().flatMap(o -> owned(o, id)).map(d -> {
            d.mqttPasswordHash = credentials.passwordHash();
            d.publicKey = credentials.publicKey();
            d.updatedAt = Instant.now();
            return DeviceResource.issued(d, credentials);
        });
    }

    @POST
    @Path("/{id}/disable")
    @WithTransaction
    public Uni<DeviceResource.DeviceView> disable(@PathParam("id") UUID id) {
        return setStatus(id, Device.Status.DISABLED);
    }

    @POST
    @Path("/{id}/enable")
    @WithTransaction
    public Uni<DeviceResource.DeviceView> enable(@PathParam("id") UUID id) {
        return setStatus(id, Device.Status.ACTIVE);
    }

    private Uni<DeviceResource.DeviceView> setStatus(UUID id, Device.Status status) {
        return operators.current().flatMap(o -> owned(o, id)).map(d -> {
            d.status = status;
            d.updatedAt = Instant.now();
            return DeviceResource.DeviceView.of(d);
        });
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
