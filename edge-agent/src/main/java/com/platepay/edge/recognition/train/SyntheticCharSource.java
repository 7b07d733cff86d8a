package com.platepay.edge.recognition.train;

import com.platepay.edge.recognition.read.CharCell;
import com.platepay.edge.recognition.read.CharFeatures;
import com.platepay.edge.recognition.read.CharSet;
import com.platepay.edge.recognition.read.PlateReader;
import com.platepay.edge.recognition.train.PlateDegrader.DegradedPlate;
import com.platepay.edge.recognition.train.SyntheticPlateRenderer.RenderedPlate;
import com.platepay.protocol.plate.PlateColour;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Character samples cut from synthetic plates. Plate {@code i} of a run uses its own {@code Random(seed + i)}, so
 * the samples are the same however many threads make them: the committed models are reproducible.
 */
public final class SyntheticCharSource {

    /** Crops per character: cells are jittered as the segmenter's fit would be off, so one plate teaches several views. */
    private static final int CROPS_PER_CHAR = 2;

    private final SyntheticPlateRenderer renderer;
    private final PlateDegrader degrader = new PlateDegrader();

    public SyntheticCharSource(PlateFonts fonts) {
        this(fonts, null);
    }

    /** With EasyPR glyphs drawn for some characters (for the CTC reader), or fonts only when {@code glyphs} is null. */
    SyntheticCharSource(PlateFonts fonts, EasyPrGlyphs glyphs) {
        this.renderer = new SyntheticPlateRenderer(fonts, glyphs);
    }

    /** A degraded, rectified synthetic plate with its text, colour and true character cells. */
    public record LabelledPlate(String text, PlateColour colour, Mat plate, List<CharCell> cells) {
    }

    public LabelledPlate plate(long seed) {
        Random random = new Random(scramble(seed));
        PlateColour colour = colourFor(random);
        String text = new PlateTextGenerator(random).next(colour);
        RenderedPlate rendered = renderer.render(text, colour, random);
        DegradedPlate degraded = degrader.degrade(rendered, PlateReader.layoutFor(colour), random);
        rendered.image().close();
        return new LabelledPlate(text, colour, degraded.plate(), degraded.cells());
    }

    /** Samples from plates {@code seed .. seed + plates - 1}: index 0 province, index 1 serial. */
    CharSamples[] samples(long seed, int plates) {
        CharSamples[][] perPlate = new CharSamples[plates][];
        IntStream.range(0, plates).parallel().forEach(i -> perPlate[i] = samplesOf(seed + i));
        CharSamples[] all = {new CharSamples(CharSet.PROVINCE), new CharSamples(CharSet.SERIAL)};
        for (CharSamples[] s : perPlate) {
            all[0].addAll(s[0]);
            all[1].addAll(s[1]);
        }
        return all;
    }

    private CharSamples[] samplesOf(long seed) {
        LabelledPlate p = plate(seed);
        Random jitter = new Random(scramble(~seed));
        CharSamples province = new CharSamples(CharSet.PROVINCE), serial = new CharSamples(CharSet.SERIAL);
        try (Mat grey = PlateReader.brightCharacters(p.plate(), p.colour())) {
            for (int slot = 0; slot < p.cells().size(); slot++) {
                for (int k = 0; k < CROPS_PER_CHAR; k++) {
                    CharCell cell = jittered(p.cells().get(slot), jitter);
                    (slot == 0 ? province : serial).add(CharFeatures.extract(grey, cell), p.text().charAt(slot));
                }
            }
        }
        p.plate().close();
        return new CharSamples[] {province, serial};
    }

    /** SplitMix64's finaliser: java.util.Random's first draws from consecutive seeds are nearly equal otherwise. */
    static long scramble(long seed) {
        long z = seed * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static CharCell jittered(CharCell cell, Random random) {
        return cell.scaled(1 + random.nextGaussian() * 0.05, 1 + random.nextGaussian() * 0.04)
                .shifted(random.nextGaussian() * 0.07 * cell.width(), random.nextGaussian() * 0.03 * cell.height());
    }

    private static PlateColour colourFor(Random random) {
        double r = random.nextDouble();
        return r < 0.55 ? PlateColour.BLUE : r < 0.85 ? PlateColour.YELLOW : PlateColour.GREEN;
    }

}
