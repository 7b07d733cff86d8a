package com.platepay.enrollment;

import jakarta.ws.rs.core.Response;

/**
 * How a proof image leaves the server: as the type it was found to be, never sniffed, never cached, never rendered
 * as anything but an image, even when opened on its own.
 */
final class ProofResponses {

    private ProofResponses() {
    }

    static Response image(VehicleProofs.StoredImage image) {
        return Response.ok(image.bytes(), image.contentType())
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", "inline; filename=\"vehicle-licence\"")
                .build();
    }
}
