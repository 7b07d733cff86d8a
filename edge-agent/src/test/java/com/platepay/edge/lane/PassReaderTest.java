package com.platepay.edge.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.platepay.edge.recognition.PlateRecogniser;
import com.platepay.edge.recognition.train.PlateFonts;
import com.platepay.protocol.plate.PlateColour;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendered frames of a car at the barrier become one read of its plate, with a crop and a confidence. */
class PassReaderTest {

    @TempDir
    Path dir;

    @Test
    void theFramesOfOneCarAreOneReadOfItsPlate() throws Exception {
        assumeTrue(PlateFonts.available(), "no CJK fonts to render plates with (apt-get install fonts-noto-cjk)");
        CarImages.write("黑E12345", PlateColour.BLUE, dir, 5, 7);
        List<PassReader.Pass> passes = new ArrayList<>();
        try (PlateRecogniser recogniser = LaneCli.recogniser()) {
            PassReader reader = new PassReader(recogniser, 8);
            FrameSource.newImages(dir, FrameSource.none(), frame -> reader.accept(frame).ifPresent(passes::add));
            reader.finish().ifPresent(passes::add);
        }
        assertEquals(1, passes.size());
        PassReader.Pass pass = passes.get(0);
        assertEquals("黑E12345", pass.plate());
        assertEquals("BLUE", pass.colour());
        assertTrue(pass.confidence() > 0 && pass.confidence() <= 1000, "confidence " + pass.confidence());
        assertTrue(pass.cropPng().length > 100, "a PNG crop of the plate");
        System.out.println("rendered demo car read at confidence " + pass.confidence() + " per mille");
    }
}
