package com.platepay.cylinders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why staff flag or retire a cylinder (its driver sees it). */
public record CylinderReason(@NotBlank @Size(max = 200) String reason) {
}
