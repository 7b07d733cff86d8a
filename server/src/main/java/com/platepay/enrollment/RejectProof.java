package com.platepay.enrollment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a proof is refused; the driver is shown it. */
public record RejectProof(@NotBlank @Size(max = 200) String reason) {
}
