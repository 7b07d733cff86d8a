package com.platepay.sites;

import java.util.UUID;

/** A device's secret or status changed (fired after the commit): whoever caches the device must forget it. */
public record DeviceChanged(UUID deviceId) {
}
