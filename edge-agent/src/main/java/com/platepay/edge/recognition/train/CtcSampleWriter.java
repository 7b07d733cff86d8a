package com.platepay.edge.recognition.train;

import com.platepay.edge.recognition.read.CtcPlateReader;
import com.platepay.edge.recognition.train.SyntheticCharSource.LabelledPlate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes rectified synthetic plates for the CTC trainer ({@code edge-agent/train/ctc_train.py}): {@code images.u8}
 * (each plate as {@link CtcPlateReader#input}, 128x32 bytes), {@code labels.txt} (one text per line, same order)
 * and {@code alphabet.txt}. Plate {@code i} is {@code seed + i}'s, so the files are the same on every run.
 */
public final class CtcSampleWriter {

    private final SyntheticCharSource source;

    public CtcSampleWriter(PlateFonts fonts, Path easyPr) throws IOException {
        this.source = new SyntheticCharSource(fonts, easyPr == null ? null : EasyPrGlyphs.load(easyPr));
    }

    public void write(long seed, int plates, Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[][] images = new byte[plates][];
        String[] labels = new String[plates];
        IntStream.range(0, plates).parallel().forEach(i -> {
            LabelledPlate p = source.plate(seed + i);
            images[i] = CtcPlateReader.input(p.plate(), p.colour());
            labels[i] = p.text();
            p.plate().close();
        });
        try (OutputStream out = Files.newOutputStream(dir.resolve("images.u8"))) {
            for (byte[] image : images) out.write(image);
        }
        List<String> lines = new ArrayList<>(List.of(labels));
        Files.write(dir.resolve("labels.txt"), lines, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("alphabet.txt"), CtcPlateReader.ALPHABET + "\n", StandardCharsets.UTF_8);
    }
}
