package com.platepay.edge.recognition.train;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import com.platepay.edge.recognition.read.CharCell;
import com.platepay.edge.recognition.read.PlateLayout;
import com.platepay.edge.recognition.read.PlateReader;
import com.platepay.protocol.plate.PlateColour;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Draws a clean, front-on plate at 1 px per mm, following {@link PlateLayout}: background (with the green
 * new-energy gradient), inset rim, separator dot and each glyph stretched into its character box as the plate
 * typeface is. Colours and stroke weight vary per plate; degradation is {@link PlateDegrader}'s job.
 */
public final class SyntheticPlateRenderer {

    private final PlateFonts fonts;
    /** Real character crops drawn instead of a font glyph for some characters, or null for fonts only. */
    private final EasyPrGlyphs glyphs;

    public SyntheticPlateRenderer(PlateFonts fonts) {
        this(fonts, null);
    }

    SyntheticPlateRenderer(PlateFonts fonts, EasyPrGlyphs glyphs) {
        this.fonts = fonts;
        this.glyphs = glyphs;
    }

    /** A rendered plate and where each character's box is on it. */
    public record RenderedPlate(Mat image, List<CharCell> cells) {
    }

    public RenderedPlate render(String text, PlateColour colour, Random random) {
        PlateLayout layout = PlateReader.layoutFor(colour);
        int w = (int) layout.widthMm(), h = (int) PlateLayout.PLATE_HEIGHT_MM;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color ink = inkColour(colour, random);
        paintBackground(g, colour, w, h, random);
        g.setColor(ink);
        g.setStroke(new BasicStroke(1.5f + random.nextFloat() * 1.5f));
        double inset = 3 + random.nextDouble() * 3;
        g.draw(new RoundRectangle2D.Double(inset, inset, w - 2 * inset, h - 2 * inset, 14, 14));
        List<CharCell> cells = new ArrayList<>();
        Font chineseFont = fonts.chinese().get(random.nextInt(fonts.chinese().size()));
        Font serialFont = fonts.serial().get(random.nextInt(fonts.serial().size()));
        float weight = random.nextFloat() * 3.5f;
        for (int slot = 0; slot < text.length(); slot++) {
            CharCell cell = new CharCell(layout.charLeftMm(slot), PlateLayout.CHAR_TOP_MM, layout.charWidthMm(),
                    PlateLayout.CHAR_HEIGHT_MM);
            char c = text.charAt(slot);
            boolean chinese = c > 0x7f;
            if (glyphs == null || !glyphs.draw(g, ink, c, cell, random)) {
                drawGlyph(g, chinese ? chineseFont : serialFont, c, cell, chinese ? weight + 1.5f : weight);
            }
            cells.add(cell);
        }
        double dotX = (layout.charLeftMm(1) + layout.charWidthMm() + layout.charLeftMm(2)) / 2;
        g.fill(new Ellipse2D.Double(dotX - 5, h / 2.0 - 5, 10, 10));
        g.dispose();
        return new RenderedPlate(toMat(image), cells);
    }

    /**
     * A two-row yellow plate (GA 36, 440 x 220 mm, 1 px per mm): province and letter 80 x 60 mm in the upper row,
     * the five-symbol serial 65 x 110 mm in the lower one.
     */
    public RenderedPlate renderTwoRow(String text, Random random) {
        int w = 440, h = 220;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        paintBackground(g, PlateColour.YELLOW, w, h, random);
        g.setColor(inkColour(PlateColour.YELLOW, random));
        g.setStroke(new BasicStroke(2f));
        g.draw(new RoundRectangle2D.Double(5, 5, w - 10, h - 10, 14, 14));
        Font chineseFont = fonts.chinese().get(random.nextInt(fonts.chinese().size()));
        Font serialFont = fonts.serial().get(random.nextInt(fonts.serial().size()));
        float weight = 1 + random.nextFloat() * 2;
        List<CharCell> cells = new ArrayList<>();
        cells.add(new CharCell(110, 15, 80, 60));
        cells.add(new CharCell(250, 15, 80, 60));
        for (int i = 0; i < 5; i++) cells.add(new CharCell(27.5 + 80 * i, 95, 65, 110));
        for (int slot = 0; slot < text.length(); slot++) {
            char c = text.charAt(slot);
            boolean chinese = c > 0x7f;
            drawGlyph(g, chinese ? chineseFont : serialFont, c, cells.get(slot), chinese ? weight + 1.5f : weight);
        }
        g.dispose();
        return new RenderedPlate(toMat(image), cells);
    }

    private static void paintBackground(Graphics2D g, PlateColour colour, int w, int h, Random random) {
        int j = random.nextInt(30) - 15;
        switch (colour) {
            case YELLOW -> g.setColor(new Color(clamp(235 + j), clamp(185 + j), clamp(20 + random.nextInt(40))));
            case GREEN -> g.setPaint(new GradientPaint(0, 0, new Color(clamp(235 + j), 250, clamp(235 + j)),
                    0, h, new Color(clamp(60 + j), clamp(190 + j), clamp(90 + j))));
            case WHITE -> g.setColor(new Color(clamp(240 + j), clamp(240 + j), clamp(240 + j)));
            default -> g.setColor(new Color(clamp(10 + random.nextInt(30)), clamp(60 + j), clamp(175 + j)));
        }
        g.fill(new Rectangle2D.Double(0, 0, w, h));
    }

    private static Color inkColour(PlateColour colour, Random random) {
        int v = random.nextInt(30);
        return PlateReader.hasDarkCharacters(colour) ? new Color(v, v, v) : new Color(255 - v, 255 - v, 255 - v);
    }

    /** Fills the box with the glyph: full height, squeezed to the box width when wider (the plate face is narrow). */
    private static void drawGlyph(Graphics2D g, Font font, char c, CharCell cell, float weight) {
        FontRenderContext frc = g.getFontRenderContext();
        GlyphVector glyph = font.deriveFont(100f).createGlyphVector(frc, String.valueOf(c));
        Rectangle2D bounds = glyph.getVisualBounds();
        double sy = (cell.height() - weight) / bounds.getHeight();
        double sx = Math.min(sy, (cell.width() - weight) / bounds.getWidth());
        double drawnWidth = bounds.getWidth() * sx;
        AffineTransform t = new AffineTransform();
        t.translate(cell.x() + (cell.width() - drawnWidth) / 2, cell.y() + weight / 2);
        t.scale(sx, sy);
        t.translate(-bounds.getX(), -bounds.getY());
        Shape outline = t.createTransformedShape(glyph.getOutline());
        g.fill(outline);
        if (weight > 0.2f) {
            g.setStroke(new BasicStroke(weight, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
    }

    static Mat toMat(BufferedImage bgrImage) {
        byte[] bytes = ((DataBufferByte) bgrImage.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(bgrImage.getHeight(), bgrImage.getWidth(), CV_8UC3);
        new BytePointer(mat.data()).put(bytes);
        return mat;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
