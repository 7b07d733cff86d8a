package com.platepay.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification with the charge it is about (null for one about a vehicle): what the live stream pushes and the
 * feed lists, so the app can word it in the driver's language from its fields ({@code title}/{@code body} are the
 * stored English text; {@code detail} is the reason code, a reviewer's reason or a dispute's state).
 */
public record FeedItem(UUID id, String kind, String title, String body, Instant createdAt, String plate, String detail,
                       ChargeLine charge) {
}
