package com.platepay.edge.recognition.cli;

import com.platepay.edge.recognition.PlateRecogniser;
import com.platepay.edge.recognition.read.PaddleTextReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --second-opinion on|off} and {@code --ocr-models DIR}: PaddleOCR's recogniser checks each plate read. */
final class SecondOpinionOptions {

    enum Switch { on, off }

    @Option(names = "--second-opinion", paramLabel = "on|off", defaultValue = "on",
            description = "PaddleOCR PP-OCRv4 recogniser as second opinion on the plates read with little "
                    + "confidence (default: ${DEFAULT-VALUE})")
    Switch secondOpinion = Switch.on;

    @Option(names = "--ocr-models", paramLabel = "DIR",
            description = "folder with ch_PP-OCRv4_rec_infer.onnx and ppocr_keys_v1.txt (default: the build's "
                    + "target/ocr-models/package/assets)")
    Path ocrModels;

    /** {@code recogniser} with the second opinion when switched on and its model is there; says which on stderr. */
    PlateRecogniser apply(PlateRecogniser recogniser) {
        if (secondOpinion == Switch.off) {
            System.err.println("edge-agent: second opinion off: reading with the project's own models only");
            return recogniser;
        }
        Path dir = ocrModels != null ? ocrModels : PaddleTextReader.defaultDirectory().orElse(null);
        PlateRecogniser withIt = dir == null ? recogniser : recogniser.withSecondOpinionFrom(dir);
        if (withIt.hasSecondOpinion()) {
            System.err.println("edge-agent: second opinion: PaddleOCR PP-OCRv4 recogniser from " + dir);
        } else {
            System.err.println("edge-agent: no PaddleOCR model in " + dir + " (the build fetches it; offline builds "
                    + "go without): reading with the project's own models only");
        }
        return withIt;
    }
}
