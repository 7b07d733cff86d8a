package com.platepay.edge.recognition.train;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fonts synthetic plates are drawn with, from Debian packages: {@code fonts-noto-cjk} (required: province
 * characters and suffixes, plus its Latin letters) and {@code fonts-dejavu-extra} (optional: a condensed bold close to
 * the plate alphabet). Real plates use a government typeface no package ships; several fonts stretched into the
 * character box keep the classifier from learning one font's quirks.
 */
public record PlateFonts(List<Font> chinese, List<Font> serial) {

    static final String NOTO_DIR = "/usr/share/fonts/opentype/noto/";
    static final String DEJAVU_DIR = "/usr/share/fonts/truetype/dejavu/";

    public static boolean available() {
        return new File(NOTO_DIR + "NotoSansCJK-Bold.ttc").isFile();
    }

    public static PlateFonts load() {
        if (!available()) {
            throw new IllegalStateException("fonts-noto-cjk is not installed (apt-get install -y fonts-noto-cjk)");
        }
        List<Font> chinese = new ArrayList<>();
        chinese.add(simplifiedChinese(NOTO_DIR + "NotoSansCJK-Bold.ttc"));
        chinese.add(simplifiedChinese(NOTO_DIR + "NotoSansCJK-Regular.ttc"));
        List<Font> serial = new ArrayList<>();
        serial.add(chinese.get(0));
        for (String name : List.of("DejaVuSansCondensed-Bold.ttf", "DejaVuSans-Bold.ttf")) {
            File file = new File(DEJAVU_DIR + name);
            if (file.isFile()) serial.add(read(file)[0]);
        }
        return new PlateFonts(List.copyOf(chinese), List.copyOf(serial));
    }

    private static Font simplifiedChinese(String path) {
        for (Font font : read(new File(path))) {
            if (font.getFamily().endsWith(" SC")) return font;
        }
        throw new IllegalStateException("no simplified-Chinese face in " + path);
    }

    private static Font[] read(File file) {
        try {
            return Font.createFonts(file);
        } catch (FontFormatException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot read font " + file, e));
        }
    }
}
