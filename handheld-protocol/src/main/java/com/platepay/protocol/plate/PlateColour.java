package com.platepay.protocol.plate;

import java.util.Locale;

/** Background colour of a Chinese plate; together with the text it is the vehicle's key (WeChat keys on both). */
public enum PlateColour {
    BLUE, YELLOW, GREEN, WHITE, BLACK;

    /** Parses "blue", "BLUE", " Blue " ...; throws {@link InvalidPlateException} for anything else. */
    public static PlateColour parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPlateException("PLATE_COLOUR_MISSING", "plate colour is required");
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidPlateException("PLATE_COLOUR_INVALID", "unknown plate colour: " + text.strip());
        }
    }
}
