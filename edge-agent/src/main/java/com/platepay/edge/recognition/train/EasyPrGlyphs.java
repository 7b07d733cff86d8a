package com.platepay.edge.recognition.train;

import com.platepay.edge.recognition.read.CharCell;
import com.platepay.edge.recognition.read.CharSet;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * EasyPR's real character crops (white on black, Apache-2.0) as glyphs to draw on a synthetic plate, so a whole-plate
 * recogniser sees the plate typeface rather than only Debian's fonts. Each crop's ink becomes the alpha of the
 * plate's ink colour, stretched into the character's cell.
 */
final class EasyPrGlyphs {

    /** Share of characters drawn from a crop when one exists for the symbol; the rest stay font glyphs. */
    private static final double SHARE = 0.7;

    private final Map<Character, List<BufferedImage>> bySymbol;

    private EasyPrGlyphs(Map<Character, List<BufferedImage>> bySymbol) {
        this.bySymbol = bySymbol;
    }

    /** Loads {@code chars2/<symbol>/} and {@code charsChinese/zh_*}: the folders {@link EasyPrCharSource} reads. */
    static EasyPrGlyphs load(Path root) throws IOException {
        Map<Character, List<BufferedImage>> map = new HashMap<>();
        for (Map.Entry<String, Character> f : new TreeMap<>(EasyPrCharSource.PROVINCE_FOLDERS).entrySet()) {
            map.put(f.getValue(), inkCrops(root.resolve("charsChinese").resolve(f.getKey())));
        }
        for (char symbol : (CharSet.LETTERS + "0123456789").toCharArray()) {
            map.put(symbol, inkCrops(root.resolve("chars2").resolve(String.valueOf(symbol))));
        }
        if (map.values().stream().allMatch(List::isEmpty)) {
            throw new IOException("no EasyPR characters under " + root + " (expected chars2/ and charsChinese/)");
        }
        return new EasyPrGlyphs(map);
    }

    /** Draws a random crop of {@code c} into {@code cell}; false when it draws nothing (then the font glyph is used). */
    boolean draw(Graphics2D g, Color ink, char c, CharCell cell, Random random) {
        List<BufferedImage> crops = bySymbol.get(c);
        if (crops == null || crops.isEmpty() || random.nextDouble() >= SHARE) return false;
        BufferedImage crop = crops.get(random.nextInt(crops.size()));
        BufferedImage tinted = new BufferedImage(crop.getWidth(), crop.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int rgb = ink.getRGB() & 0xffffff;
        for (int y = 0; y < crop.getHeight(); y++) {
            for (int x = 0; x < crop.getWidth(); x++) {
                tinted.setRGB(x, y, (crop.getRaster().getSample(x, y, 0) << 24) | rgb);
            }
        }
        boolean chinese = c > 0x7f;
        double h = cell.height();
        double w = chinese ? cell.width() : Math.min(cell.width(), h * crop.getWidth() / crop.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(tinted, (int) Math.round(cell.x() + (cell.width() - w) / 2), (int) Math.round(cell.y()),
                (int) Math.round(w), (int) Math.round(h), null);
        return true;
    }

    /** The crops of one folder, each cut to its ink's bounding box (EasyPR centres characters in 20x20 tiles). */
    private static List<BufferedImage> inkCrops(Path folder) {
        List<BufferedImage> crops = new ArrayList<>();
        if (!Files.isDirectory(folder)) return crops;
        try (Stream<Path> s = Files.list(folder)) {
            for (Path file : s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                BufferedImage image = ImageIO.read(file.toFile());
                BufferedImage ink = image == null ? null : inkBox(image);
                if (ink != null) crops.add(ink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crops;
    }

    private static BufferedImage inkBox(BufferedImage image) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) > 100) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX - minX < 1 || maxY - minY < 7) return null;
        BufferedImage grey = new BufferedImage(maxX - minX + 1, maxY - minY + 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                grey.getRaster().setSample(x - minX, y - minY, 0, image.getRGB(x, y) & 0xff);
            }
        }
        return grey;
    }
}
