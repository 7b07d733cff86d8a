package com.platepay.sites;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.protocol.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/operator/sites/{siteId}/devices")
@RolesAllowed(Roles.OPERATOR)
public class DeviceResource {

    public record CreateDevice(@NotNull Device.Type type, @NotBlank @Size(max = 200) String name) {
    }

    public record DeviceView(UUID id, UUID siteId, Device.Type type, String name, Device.Status status, String publicKey,
                             String topicPrefix, Instant createdAt, Instant updatedAt) {
        static DeviceView of(Device d) {
            return new DeviceView(d.id, d.siteId, d.type, d.name, d.status, d.publicKey,
                    Topics.deviceFilter(d.siteId.toString(), d.id.toString()).replaceAll("/#$", ""), d.createdAt, d.updatedAt);
        }
    }

    /**
     * Returned once, at creation or rotation: the server cannot show the secrets again. {@code serverPublicKey} is
     * what the device checks the server's results with.
     */
    public record IssuedDevice(DeviceView device, String mqttUsername, String mqttPassword, String privateKey,
                               String serverPublicKey) {
        @Override
        public String toString() {
            return "IssuedDevice[" + device.id() + "]";
        }
    }

    private final OperatorDirectory operators;
    private final AuditLog audit;
    private final ResultSigningKey server;
    private final BrokerAccounts broker;

    public DeviceResource(OperatorDirectory operators, AuditLog audit, ResultSigningKey server, BrokerAccounts broker) {
        this.operators = operators;
        this.audit = audit;
        this.broker = broker;
        this.server = server;
    }

    @GET
    @WithTransaction
    public Uni<List<DeviceView>> list(@PathParam("siteId") UUID siteId) {
        return operators.current().flatMap(o -> SiteResource.owned(o, siteId))
                .flatMap(site -> Device.<Device>list("siteId = ?1 order by createdAt", site.id))
                .map(ds -> ds.stream().map(DeviceView::of).toList());
    }

    @APIResponse(responseCode = "201", description = "the device and its secrets, shown once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedDevice.class)))
    @POST
    public Uni<Response> create(@PathParam("siteId") UUID siteId, @Valid @NotNull CreateDevice request) {
        DeviceCredentials credentials = DeviceCredentials.generate();
        return Panache.withTransaction(() -> operators.current().flatMap(o -> SiteResource.owned(o, siteId)).flatMap(site -> {
            Device d = new Device();
            d.id = UUID.randomUUID();
            d.siteId = site.id;
            d.type = request.type();
            d.name = request.name().strip();
            d.status = Device.Status.ACTIVE;
            d.mqttPasswordHash = credentials.passwordHash();
            d.publicKey = credentials.publicKey();
            d.createdAt = Instant.now();
            d.updatedAt = d.createdAt;
            return d.<Device>persist();
        }).call(d -> audit.record(AuditAction.DEVICE_REGISTERED, AuditedResource.DEVICE, d.id, d.type + " " + d.name + " at site " + d.siteId)))
                // After the commit: a broker with accounts of its own learns the device only once it exists.
                .call(d -> broker.created(d.id, d.siteId, credentials.mqttPassword()))
                .map(d -> Response.status(201).entity(issued(d, credentials, server)).build());
    }

    static IssuedDevice issued(Device d, DeviceCredentials credentials, ResultSigningKey server) {
        return new IssuedDevice(DeviceView.of(d), d.id.toString(), credentials.mqttPassword(), credentials.privateKey(),
                server.publicKey());
    }
}
