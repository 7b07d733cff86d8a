package com.platepay.edge.recognition.eval;

import com.platepay.edge.recognition.BoxOverlap;
import com.platepay.edge.recognition.PlateBox;
import com.platepay.edge.recognition.PlateReading;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The scores of {@code shared/data/plates/README.md}: exact match over all true plates, detection (IoU > 0.3),
 * character and province accuracy, and milliseconds per photo.
 */
public final class Scoreboard {

    static final double DETECTION_IOU = 0.3;

    private int truePlates, detected, exact, charsRight, chars, provincesRight, falsePositives;
    private final List<Double> millis = new ArrayList<>();
    private final List<Double> cpuMillis = new ArrayList<>();
    private final List<FalsePlate> falsePlates = new ArrayList<>();

    /** A plate reported where the truth has none. */
    public record FalsePlate(String image, PlateReading reading) {
    }
    private final List<Miss> misses = new ArrayList<>();
    /** Every reported read: its calibrated confidence and whether its text is the true plate's there. */
    private final List<Read> reads = new ArrayList<>();
    private int exactByOwnNetworks;
    /** Detected true plates the CTC reader alone read exactly, and on how many it was asked. */
    private int ctcExact, ctcAsked;
    /** Exact matches that the classifiers or the CTC reader read themselves (PaddleOCR may have agreed). */
    private int exactByClassifiersOrCtc;
    private final double actThreshold;

    /** One reported read, for the threshold curve; {@code right} when it is a true plate there read exactly. */
    public record Read(String image, String text, double calibrated, boolean right, PlateReading reading) {
    }

    public Scoreboard() {
        this(Double.NaN);
    }

    /** @param actThreshold the documented threshold a lane acts at (NaN: none) */
    public Scoreboard(double actThreshold) {
        this.actThreshold = actThreshold;
    }

    /** A true plate not read exactly: what was read over it (empty when nothing was found there). */
    public record Miss(TruePlate truth, String read) {
        public boolean undetected() {
            return read.isEmpty();
        }
    }

    /** Adds one photo: its name, its true plates, what was read, and how long recognition took. */
    public void add(String image, List<TruePlate> truth, List<PlateReading> readings, double ms, double cpuMs) {
        millis.add(ms);
        cpuMillis.add(cpuMs);
        List<PlateReading> unmatched = new ArrayList<>(readings);
        for (TruePlate t : truth) {
            truePlates++;
            PlateReading match = bestOverlap(t, unmatched);
            if (match == null) {
                misses.add(new Miss(t, ""));
                continue;
            }
            unmatched.remove(match);
            detected++;
            String want = comparable(t.plate()), got = comparable(match.text());
            reads.add(new Read(image, match.text(), match.calibrated(), want.equals(got), match));
            if (match.evidence() != null && !match.evidence().ctc().isEmpty()) {
                ctcAsked++;
                if (comparable(match.evidence().ctc()).equals(want)) ctcExact++;
            }
            if (want.equals(got)) {
                exact++;
                if (match.evidence() != null && comparable(match.evidence().own()).equals(want)) exactByOwnNetworks++;
                if (match.evidence() != null && (comparable(match.evidence().own()).equals(want)
                        || comparable(match.evidence().ctc()).equals(want))) exactByClassifiersOrCtc++;
            } else {
                misses.add(new Miss(t, match.text()));
            }
            for (int i = 0; i < want.length(); i++) {
                if (i < got.length() && got.charAt(i) == want.charAt(i)) charsRight++;
            }
            chars += want.length();
            if (!got.isEmpty() && got.charAt(0) == want.charAt(0)) provincesRight++;
        }
        falsePositives += unmatched.size();
        unmatched.forEach(r -> falsePlates.add(new FalsePlate(image, r)));
        unmatched.forEach(r -> reads.add(new Read(image, r.text(), r.calibrated(), false, r)));
    }

    private static PlateReading bestOverlap(TruePlate t, List<PlateReading> readings) {
        PlateReading best = null;
        double bestIou = DETECTION_IOU;
        for (PlateReading r : readings) {
            double iou = BoxOverlap.iou(t.box(), r.box());
            if (iou > bestIou) {
                bestIou = iou;
                best = r;
            }
        }
        return best;
    }

    /** The README's comparison: upper case, letter O as digit 0, letter I as digit 1. */
    static String comparable(String plate) {
        return plate.strip().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1');
    }

    public double exactMatch() {
        return ratio(exact, truePlates);
    }

    public double detectionRate() {
        return ratio(detected, truePlates);
    }

    public double charAccuracy() {
        return ratio(charsRight, chars);
    }

    public double provinceAccuracy() {
        return ratio(provincesRight, detected);
    }

    /** Wall time per photo. */
    public double millisPercentile(double p) {
        return percentile(millis, p);
    }

    /** CPU time of the recognising thread per photo. */
    public double cpuMillisPercentile(double p) {
        return percentile(cpuMillis, p);
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) return 0;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
    }

    public List<Read> reads() {
        return List.copyOf(reads);
    }

    public int truePlates() {
        return truePlates;
    }

    /** Exact matches whose text our own networks read (before PaddleOCR's second opinion, which may have agreed). */
    public int exactByOwnNetworks() {
        return exactByOwnNetworks;
    }

    public int exact() {
        return exact;
    }

    /** One point of the threshold curve: reads at or above {@code threshold}, the wrong ones among them, and the true plates read exactly among them. */
    public record CurvePoint(double threshold, int kept, int wrong, int rightKept) {
        public double wrongRate() {
            return kept == 0 ? 0 : (double) wrong / kept;
        }
    }

    public CurvePoint at(double threshold) {
        int kept = 0, wrong = 0;
        for (Read r : reads) {
            if (r.calibrated() >= threshold) {
                kept++;
                if (!r.right()) wrong++;
            }
        }
        return new CurvePoint(threshold, kept, wrong, kept - wrong);
    }

    /** The thresholds the curve is printed at (the documented one is added). */
    static final double[] CURVE = {0, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995};

    /**
     * The threshold curve: for each threshold, reads kept, wrong reads among them (misreads and false plates), their
     * share, and the share of all true plates read exactly at or above it.
     */
    public void printCurve(PrintStream out) {
        out.printf(Locale.ROOT, "threshold   reads kept   wrong   wrong %%   true plates read right at or above%n");
        java.util.TreeSet<Double> ts = new java.util.TreeSet<>();
        for (double t : CURVE) ts.add(t);
        if (!Double.isNaN(actThreshold)) ts.add(actThreshold);
        for (double t : ts) {
            CurvePoint c = at(t);
            out.printf(Locale.ROOT, "%s%8.4f %10d %8d %8.2f %%   %5.1f %% (%d/%d)%n", t == actThreshold ? "*" : " ", t,
                    c.kept(), c.wrong(), 100 * c.wrongRate(), 100 * ratio(c.rightKept(), truePlates), c.rightKept(),
                    truePlates);
        }
        if (!Double.isNaN(actThreshold)) {
            CurvePoint c = at(actThreshold);
            out.printf(Locale.ROOT, "at the documented threshold %.4f (*): %d reads acted on, %d wrong (%.2f %%), %.1f %% of all true plates read right and acted on%n",
                    actThreshold, c.kept(), c.wrong(), 100 * c.wrongRate(), 100 * ratio(c.rightKept(), truePlates));
            for (Read r : reads) {
                if (!r.right() && r.calibrated() >= actThreshold) {
                    out.printf(Locale.ROOT, "  wrong and acted on: %s %s (calibrated %.3f)%n", r.image(), r.text(), r.calibrated());
                }
            }
        }
    }

    public List<Miss> misses() {
        return List.copyOf(misses);
    }

    public List<FalsePlate> falsePlates() {
        return List.copyOf(falsePlates);
    }

    /**
     * One line per true plate not read exactly (image, true text, what was read, the true box), then one per plate
     * reported where there is none (image, what was read, its confidence and box).
     */
    public void printMisses(PrintStream out) {
        for (Miss m : misses) {
            PlateBox b = m.truth().box();
            out.printf(Locale.ROOT, "%s %s %-9s box %.0f,%.0f %.0fx%.0f %.0f deg%n", m.undetected() ? "missed " : "misread",
                    m.truth().image(), m.truth().plate() + (m.undetected() ? "" : " -> " + m.read()),
                    b.cx(), b.cy(), b.width(), b.height(), b.angleDeg());
        }
        for (FalsePlate f : falsePlates) {
            PlateBox b = f.reading().box();
            out.printf(Locale.ROOT, "false   %s %-9s conf %.2f calibrated %.3f box %.0f,%.0f %.0fx%.0f %.0f deg%n", f.image(),
                    f.reading().text(), f.reading().confidence(), f.reading().calibrated(), b.cx(), b.cy(), b.width(),
                    b.height(), b.angleDeg());
        }
    }

    /** One line per plate reported where there is none (signs, badges, date stamps, grilles). */
    public void printFalsePlates(PrintStream out) {
        out.printf(Locale.ROOT, "false plates:      %d%n", falsePlates.size());
        for (FalsePlate f : falsePlates) {
            PlateBox b = f.reading().box();
            out.printf(Locale.ROOT, "  %s %-9s calibrated %.3f box %.0f,%.0f %.0fx%.0f%n", f.image(), f.reading().text(),
                    f.reading().calibrated(), b.cx(), b.cy(), b.width(), b.height());
        }
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "photos:            %d, true plates: %d%n", millis.size(), truePlates);
        out.printf(Locale.ROOT, "exact match:       %.1f %% (%d/%d of all true plates)%n", 100 * exactMatch(), exact, truePlates);
        out.printf(Locale.ROOT, "detection:         %.1f %% (%d/%d, IoU > %.1f); %d other plates reported%n",
                100 * detectionRate(), detected, truePlates, DETECTION_IOU, falsePositives);
        out.printf(Locale.ROOT, "characters:        %.1f %% (of detected plates)%n", 100 * charAccuracy());
        out.printf(Locale.ROOT, "province:          %.1f %% (of detected plates)%n", 100 * provinceAccuracy());
        out.printf(Locale.ROOT, "own networks:      %d of the %d exact matches read by the project's networks themselves (%.1f %%)%n",
                exactByOwnNetworks, exact, 100 * ratio(exactByOwnNetworks, exact));
        out.printf(Locale.ROOT, "CTC reader alone:  %d of %d detected plates it read exactly (%.1f %%)%n",
                ctcExact, ctcAsked, 100 * ratio(ctcExact, ctcAsked));
        out.printf(Locale.ROOT, "own, either:       %d of the %d exact matches read by the classifiers or the CTC reader (%.1f %%)%n",
                exactByClassifiersOrCtc, exact, 100 * ratio(exactByClassifiersOrCtc, exact));
        out.printf(Locale.ROOT, "ms per photo:      p50 %.1f, p95 %.1f (recognition of the decoded frame)%n",
                millisPercentile(50), millisPercentile(95));
        out.printf(Locale.ROOT, "CPU ms per photo:  p50 %.1f, p95 %.1f (the recognising thread alone)%n",
                cpuMillisPercentile(50), cpuMillisPercentile(95));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
