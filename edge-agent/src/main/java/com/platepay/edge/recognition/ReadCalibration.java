package com.platepay.edge.recognition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * The calibrated confidence of a read: a logistic model of the probability that the read text is the plate's true
 * text, from what the readers said ({@link ReadEvidence}): whether PaddleOCR, reading the same cut independently,
 * gave our networks' text; whether its reading replaced ours; how sure the least sure character of each was; a
 * two-row read; the characters' height in pixels; how many characters are blobs lined up on the plate's spacing.
 * Two weight sets: with PaddleOCR's second opinion and without it (our networks alone).
 *
 * <p>The weights and the documented threshold are fitted by {@code ./platepay calibrate} on the tuning half of the dev
 * photos only ({@link com.platepay.edge.recognition.eval.DevSplit}), pooled over rescaled and recompressed copies made
 * in memory, and committed as {@code models/calibration.properties}. A lane acts on a read only when its calibrated
 * confidence is at or above {@link #threshold(boolean)}.
 */
public final class ReadCalibration {

    public static final String RESOURCE = "/models/calibration.properties";
    /** Feature names, in order; index 0 is the bias. */
    public static final String[] FEATURES = {"bias", "agree", "paddleTaken", "paddleDisagrees", "ownMinLogit",
            "paddleMinLogit", "twoRow", "log2CharHeight", "lineUp", "serialAgrees", "ownDiffers", "ctcAgrees", "ctcDisagrees", "ctcMinLogit"};

    private final double[] withPaddle;
    private final double[] ownOnly;
    private final double thresholdWithPaddle;
    private final double thresholdOwnOnly;

    public ReadCalibration(double[] withPaddle, double thresholdWithPaddle, double[] ownOnly, double thresholdOwnOnly) {
        this.withPaddle = withPaddle.clone();
        this.ownOnly = ownOnly.clone();
        this.thresholdWithPaddle = thresholdWithPaddle;
        this.thresholdOwnOnly = thresholdOwnOnly;
    }

    /** Uncalibrated weights: the probability follows our least sure character's logit; nothing is acted on. */
    public static ReadCalibration identity() {
        double[] w = new double[FEATURES.length];
        w[4] = 1;
        return new ReadCalibration(w, 1.01, w, 1.01);
    }

    /** The committed calibration, or {@link #identity()} (with a message on stderr) when it is missing. */
    public static ReadCalibration bundled() {
        try (InputStream in = ReadCalibration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                System.err.println("edge-agent: no " + RESOURCE + ": reads are not calibrated and no read is acted on");
                return identity();
            }
            Properties p = new Properties();
            p.load(in);
            return new ReadCalibration(weights(p, "withPaddle"), Double.parseDouble(p.getProperty("withPaddle.threshold")),
                    weights(p, "ownOnly"), Double.parseDouble(p.getProperty("ownOnly.threshold")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] weights(Properties p, String prefix) {
        double[] w = new double[FEATURES.length];
        for (int i = 0; i < w.length; i++) w[i] = Double.parseDouble(p.getProperty(prefix + "." + FEATURES[i], "0"));
        return w;
    }

    /** The documented threshold: a lane acts on a read whose calibrated confidence is at or above it. */
    public double threshold(boolean secondOpinion) {
        return secondOpinion ? thresholdWithPaddle : thresholdOwnOnly;
    }

    /**
     * Above this, a read the two readers contradict (PaddleOCR reads other characters than ours past the province, and
     * its reading was not taken) is never put: two readers disagreeing is a case for a person, however sure one of
     * them is. (On the tuning half, 22 of the 25 such reads pooled over the robustness conditions were wrong.)
     */
    static final double CONTRADICTED_CAP = 0.5;

    public double probability(ReadEvidence e, boolean secondOpinion) {
        return probability(features(e, secondOpinion), secondOpinion);
    }

    /** The calibrated probability of a read with {@link #features} {@code x}. */
    public double probability(double[] x, boolean secondOpinion) {
        double[] w = secondOpinion ? withPaddle : ownOnly;
        double z = 0;
        for (int i = 0; i < x.length; i++) z += w[i] * x[i];
        double p = 1 / (1 + Math.exp(-z));
        return contradicted(x) ? Math.min(p, CONTRADICTED_CAP) : p;
    }

    /** PaddleOCR read other characters than ours past the province and its reading was not taken. */
    static boolean contradicted(double[] x) {
        return x[3] == 1 && x[9] == 0;
    }

    /** The model's inputs for one read. Without the second opinion the PaddleOCR features are 0. */
    public static double[] features(ReadEvidence e, boolean secondOpinion) {
        double[] x = new double[FEATURES.length];
        x[0] = 1;
        boolean paddle = secondOpinion && !e.paddle().isEmpty();
        boolean taken = secondOpinion && e.paddleTaken() && !e.twoRow();
        x[1] = paddle && e.readersAgree() ? 1 : 0;
        x[2] = taken ? 1 : 0;
        x[3] = paddle && !e.readersAgree() && !e.paddleTaken() && !e.twoRow() ? 1 : 0;
        // each reader's least sure character, for the reader whose text is the read (ours unless PaddleOCR's replaced it)
        x[4] = e.own().isEmpty() || taken ? 0 : logit(e.ownMin());
        x[5] = paddle && (taken || e.twoRow() || e.readersAgree()) ? logit(e.paddleMin()) : 0;
        x[6] = e.twoRow() ? 1 : 0;
        x[7] = Math.max(-2, Math.min(2, Math.log(Math.max(e.charHeightPx(), 1) / 20.0) / Math.log(2)));
        x[8] = e.lineUp();
        // the two readers agree on everything after the province (ours is weakest on provinces; PaddleOCR sometimes
        // leaves the province out)
        x[9] = paddle && !e.readersAgree() && !e.own().isEmpty() && serial(e.own()).equals(serial(e.paddle())) ? 1 : 0;
        x[10] = taken ? Math.min(3, differences(e.own(), e.paddle())) : 0;
        // the project's CTC reader, reading the whole plate without segmenting it, gave the reported text or not
        if (!e.ctc().isEmpty()) {
            String reported = secondOpinion ? e.finalText() : e.own();
            boolean ctcAgrees = e.ctc().equals(reported);
            x[11] = ctcAgrees ? 1 : 0;
            x[12] = ctcAgrees ? 0 : 1;
            x[13] = ctcAgrees ? logit(e.ctcMin()) : 0;
        }
        return x;
    }

    /** The text without a leading province character (or other non-ASCII symbol). */
    static String serial(String plate) {
        return !plate.isEmpty() && plate.charAt(0) > 127 ? plate.substring(1) : plate;
    }

    /** Characters that differ between two texts of the same length; otherwise the longer length. */
    static int differences(String a, String b) {
        if (a.length() != b.length()) return Math.max(a.length(), b.length());
        int d = 0;
        for (int i = 0; i < a.length(); i++) if (a.charAt(i) != b.charAt(i)) d++;
        return d;
    }

    static double logit(double p) {
        double q = Math.max(1e-3, Math.min(1 - 1e-3, p));
        return Math.log(q / (1 - q));
    }

    /**
     * Fits logistic weights by Newton's method with an L2 penalty {@code lambda} (not on the bias): deterministic, no
     * learning rate to tune. {@code x[i]} are {@link #features} rows, {@code y[i]} 1 for a right read.
     */
    public static double[] fit(double[][] x, int[] y, double lambda) {
        int d = FEATURES.length;
        double[] w = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double z = 0;
                for (int j = 0; j < d; j++) z += w[j] * x[i][j];
                double p = 1 / (1 + Math.exp(-z));
                for (int j = 0; j < d; j++) {
                    g[j] += (p - y[i]) * x[i][j];
                    for (int k = 0; k < d; k++) h[j][k] += p * (1 - p) * x[i][j] * x[i][k];
                }
            }
            for (int j = 0; j < d; j++) {
                double l = j == 0 ? 1e-6 : lambda;
                g[j] += l * w[j];
                h[j][j] += l;
            }
            double[] step = solve(h, g);
            double size = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
                size += Math.abs(step[j]);
            }
            if (size < 1e-9) break;
        }
        return w;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = Arrays.copyOf(a0[i], n);
        double[] b = b0.clone();
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
            double[] t = a[c]; a[c] = a[piv]; a[piv] = t;
            double tb = b[c]; b[c] = b[piv]; b[piv] = tb;
            if (Math.abs(a[c][c]) < 1e-12) continue;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) a[r][k] -= f * a[c][k];
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
            x[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : s / a[r][r];
        }
        return x;
    }

    /** Writes this calibration in the format {@link #bundled()} reads, with {@code comment} lines on top. */
    public void write(Writer out, String comment) throws IOException {
        for (String line : comment.split("\n")) out.write("# " + line + "\n");
        write(out, "withPaddle", withPaddle, thresholdWithPaddle);
        write(out, "ownOnly", ownOnly, thresholdOwnOnly);
    }

    private static void write(Writer out, String prefix, double[] w, double threshold) throws IOException {
        out.write(String.format(Locale.ROOT, "%s.threshold=%.4f%n", prefix, threshold));
        for (int i = 0; i < w.length; i++) {
            out.write(String.format(Locale.ROOT, "%s.%s=%.6f%n", prefix, FEATURES[i], w[i]));
        }
    }
}
