package com.platepay.edge.recognition.read;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.platepay.edge.recognition.detect.PlateRectifier;
import com.platepay.edge.recognition.train.PlateFonts;
import com.platepay.edge.recognition.train.SyntheticPlateRenderer;
import com.platepay.protocol.plate.PlateColour;
import java.util.Random;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The slant of a plate's characters is measured with the sign the rectifier needs to straighten them. */
class CharacterSlantTest {

    @ParameterizedTest
    @ValueSource(doubles = {-0.28, -0.14, 0, 0.14, 0.28})
    void measuresTheShearThatStraightensLeaningCharacters(double lean) {
        assumeTrue(PlateFonts.available(), "fonts-noto-cjk is not installed: slant test skipped");
        SyntheticPlateRenderer renderer = new SyntheticPlateRenderer(PlateFonts.load());
        int w = PlateRectifier.width(PlateLayout.ORDINARY), h = PlateRectifier.HEIGHT;
        try (Mat drawn = renderer.render("苏E12345", PlateColour.BLUE, new Random(3)).image();
             Mat upright = new Mat(); Mat leaning = new Mat(); Mat shear = new Mat(2, 3, CV_64F)) {
            resize(drawn, upright, new Size(w, h), 0, 0, INTER_AREA);
            // Tops of the characters move right by lean * (half the height) above the middle, left below it.
            new DoublePointer(shear.data()).put(1, -lean, lean * h / 2.0, 0, 1, 0);
            warpAffine(upright, leaning, shear, new Size(w, h), INTER_LINEAR, BORDER_REPLICATE, new Scalar());

            assertEquals(-lean, CharacterSlant.estimate(leaning, PlateColour.BLUE), 0.071);
        }
    }
}
