package com.platepay.cylinders;

/** PENDING: registered by the driver, not yet confirmed. ACTIVE: may be filled (if in date). */
public enum CylinderStatus { PENDING, ACTIVE, FLAGGED, RETIRED }
