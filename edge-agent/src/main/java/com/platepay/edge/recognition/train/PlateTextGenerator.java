package com.platepay.edge.recognition.train;

import com.platepay.edge.recognition.read.CharSet;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import java.util.Random;

/** Random plate texts that obey the grammar, with every province and serial symbol equally likely. */
final class PlateTextGenerator {

    private static final String SERIAL = "0123456789" + CharSet.LETTERS;
    /** Share of ordinary plates that end in a special suffix (学, 警, ...), so the classifier sees enough of them. */
    private static final double SUFFIX_SHARE = 0.08;

    private final Random random;

    PlateTextGenerator(Random random) {
        this.random = random;
    }

    String next(PlateColour colour) {
        StringBuilder text = new StringBuilder();
        text.append(pick(PlateNumber.PROVINCES)).append(pick(CharSet.LETTERS));
        if (colour == PlateColour.GREEN) {
            boolean dfFirst = random.nextBoolean();
            if (dfFirst) text.append(pick("DF"));
            for (int i = 0; i < 5; i++) text.append(pick(SERIAL));
            if (!dfFirst) text.append(pick("DF"));
        } else {
            for (int i = 0; i < 4; i++) text.append(pick(SERIAL));
            text.append(random.nextDouble() < SUFFIX_SHARE ? pick(PlateNumber.SPECIAL_SUFFIXES) : pick(SERIAL));
        }
        return text.toString();
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
