package com.platepay.protocol.plate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A normalised, grammar-checked Chinese plate number.
 *
 * <p>Normalisation comes first everywhere (DESIGN §4): upper case, no spaces, dots, hyphens or middle dots.
 * Grammar: a province character, a letter (the issuing office), then 5 letters/digits, or 6 for green
 * new-energy plates whose serial starts or ends with D or F. Serials never use I or O, so those are refused
 * rather than guessed at: a plate that pays must be read exactly.
 */
public record PlateNumber(String text) {

    /** The 31 province-level abbreviations used on civilian plates. */
    public static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    /** Suffix characters that replace the last serial character on special 7-character plates. */
    public static final String SPECIAL_SUFFIXES = "挂学警港澳";

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-·•・_]+");
    private static final String SERIAL = "[A-HJ-NP-Z0-9]";
    private static final Pattern ORDINARY = Pattern.compile(
            "[" + PROVINCES + "][A-HJ-NP-Z]" + SERIAL + "{4}(" + SERIAL + "|[" + SPECIAL_SUFFIXES + "])");
    private static final Pattern NEW_ENERGY = Pattern.compile(
            "[" + PROVINCES + "][A-HJ-NP-Z](([DF]" + SERIAL + "{5})|(" + SERIAL + "{5}[DF]))");

    public PlateNumber {
        if (!isValid(text)) {
            throw new InvalidPlateException("PLATE_INVALID", "not a valid plate: " + text);
        }
    }

    /** Normalises then checks the grammar; throws {@link InvalidPlateException} with a stable code. */
    public static PlateNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidPlateException("PLATE_MISSING", "plate is required");
        }
        String text = normalise(raw);
        if (text.length() < 7 || text.length() > 8) {
            throw new InvalidPlateException("PLATE_INVALID", "a plate has 7 or 8 characters, got " + text.length());
        }
        if (PROVINCES.indexOf(text.charAt(0)) < 0) {
            throw new InvalidPlateException("PLATE_INVALID", "a plate starts with a province character");
        }
        if (text.indexOf('I') >= 0 || text.indexOf('O') >= 0) {
            throw new InvalidPlateException("PLATE_INVALID", "plates never contain the letters I or O");
        }
        if (!isValid(text)) {
            throw new InvalidPlateException("PLATE_INVALID", "not a valid plate: " + text);
        }
        return new PlateNumber(text);
    }

    /** Upper case without separators; does not check the grammar. */
    public static String normalise(String raw) {
        return SEPARATORS.matcher(raw.strip()).replaceAll("").toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String normalised) {
        return normalised != null
                && (ORDINARY.matcher(normalised).matches() || NEW_ENERGY.matcher(normalised).matches());
    }

    public boolean isNewEnergy() {
        return text.length() == 8;
    }

    /**
     * The colour the text alone proves, when it proves one: 8-character plates are green new-energy plates,
     * 学 (driving school) and 挂 (trailer) plates are yellow, 警 (police) plates white, 港 and 澳 plates black.
     * Any other text exists in several colours, each a different vehicle.
     */
    public java.util.Optional<PlateColour> impliedColour() {
        if (isNewEnergy()) {
            return java.util.Optional.of(PlateColour.GREEN);
        }
        return switch (text.charAt(text.length() - 1)) {
            case '学', '挂' -> java.util.Optional.of(PlateColour.YELLOW);
            case '警' -> java.util.Optional.of(PlateColour.WHITE);
            case '港', '澳' -> java.util.Optional.of(PlateColour.BLACK);
            default -> java.util.Optional.empty();
        };
    }

    /** Checks that the colour fits the plate: 8-character plates are green new-energy plates. */
    public void checkColour(PlateColour colour) {
        if (isNewEnergy() && colour != PlateColour.GREEN) {
            throw new InvalidPlateException("PLATE_COLOUR_MISMATCH", "an 8-character plate is a green plate");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
