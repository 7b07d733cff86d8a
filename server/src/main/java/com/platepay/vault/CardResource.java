package com.platepay.vault;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/me/cards")
@RolesAllowed(Roles.DRIVER)
public class CardResource {

    /** The one request that carries a card number. Its toString never shows it. */
    public record AddCard(@NotBlank String cardNumber, @Min(1) @Max(12) int expiryMonth, @Min(2000) @Max(2100) int expiryYear,
                          @Size(max = 200) String holderName) {
        @Override
        public String toString() {
            return "AddCard[****]";
        }
    }

    public record CardView(UUID id, String bin, String last4, String maskedNumber, String bankName, String cardType,
                           int expiryMonth, int expiryYear, String holderName, String status, Instant createdAt) {
        static CardView of(Card c) {
            return new CardView(c.id, c.bin, c.last4, c.masked(), c.bankName, c.cardType, c.expiryMonth, c.expiryYear,
                    c.holderName, c.status, c.createdAt);
        }
    }

    private final CardHolders drivers;
    private final CardVault vault;
    private final AuditLog audit;
    private final CardAttempts attempts;

    public CardResource(CardHolders drivers, CardVault vault, AuditLog audit, CardAttempts attempts) {
        this.drivers = drivers;
        this.vault = vault;
        this.audit = audit;
        this.attempts = attempts;
    }

    @GET
    @WithTransaction
    public Uni<List<CardView>> list() {
        return drivers.currentDriverId().flatMap(d -> Card.<Card>list("driverId = ?1 and status = 'ACTIVE' order by createdAt", d))
                .map(cs -> cs.stream().map(CardView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<CardView> get(@PathParam("id") UUID id) {
        return drivers.currentDriverId().flatMap(d -> owned(d, id)).map(CardView::of);
    }

    @APIResponse(responseCode = "201", description = "the vaulted card (masked)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "429", description = "TOO_MANY_CARD_ATTEMPTS: this account or this card number has had its attempts today")
    @POST
    public Uni<Response> add(@Valid @NotNull AddCard request) {
        CardVault.CheckedCard checked = vault.check(new CardVault.NewCard(request.cardNumber(), request.expiryMonth(),
                request.expiryYear(), request.holderName()));
        // The attempt is counted (and committed) before the bank is asked, whatever it answers. The bank check happens
        // outside any transaction, so no connection is held across a network call.
        return Panache.withTransaction(() -> drivers.currentDriverId().flatMap(d -> attempts.take(d, checked.fingerprint())))
                .flatMap(counted -> vault.verify(checked))
                .flatMap(verified -> Panache.withTransaction(() -> drivers.currentDriverId().flatMap(d -> vault.store(d, verified))
                        .call(card -> audit.record(AuditAction.CARD_ADDED, AuditedResource.CARD, card.id, "card " + card.masked()))))
                .map(card -> Response.status(201).entity(CardView.of(card)).build());
    }

    /** Removes the card and revokes every mandate that uses it. */
    @APIResponse(responseCode = "204", description = "removed; its mandates are revoked")
    @DELETE
    @Path("/{id}")
    @WithTransaction
    public Uni<Response> remove(@PathParam("id") UUID id) {
        return drivers.currentDriverId().flatMap(d -> owned(d, id))
                .call(card -> audit.record(AuditAction.CARD_REMOVED, AuditedResource.CARD, card.id,
                        "card " + card.masked() + "; its mandates revoked"))
                .flatMap(card -> {
                    vault.remove(card);
                    return drivers.cardRemoved(card.id);
                })
                .map(ignored -> Response.noContent().build());
    }

    private static Uni<Card> owned(UUID driverId, UUID id) {
        return Card.<Card>find("id = ?1 and driverId = ?2 and status = 'ACTIVE'", id, driverId).firstResult().map(c -> {
            if (c == null) {
                throw ApiException.notFound("card");
            }
            return c;
        });
    }
}
