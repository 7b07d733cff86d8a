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
            if (want.equals(got)) {
                exact++;
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
            out.printf(Locale.ROOT, "false   %s %-9s conf %.2f box %.0f,%.0f %.0fx%.0f %.0f deg%n", f.image(),
                    f.reading().text(), f.reading().confidence(), b.cx(), b.cy(), b.width(), b.height(), b.angleDeg());
        }
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "photos:            %d, true plates: %d%n", millis.size(), truePlates);
        out.printf(Locale.ROOT, "exact match:       %.1f %% (%d/%d of all true plates)%n", 100 * exactMatch(), exact, truePlates);
        out.printf(Locale.ROOT, "detection:         %.1f %% (%d/%d, IoU > %.1f); %d other plates reported%n",
                100 * detectionRate(), detected, truePlates, DETECTION_IOU, falsePositives);
        out.printf(Locale.ROOT, "characters:        %.1f %% (of detected plates)%n", 100 * charAccuracy());
        out.printf(Locale.ROOT, "province:          %.1f %% (of detected plates)%n", 100 * provinceAccuracy());
        out.printf(Locale.ROOT, "ms per photo:      p50 %.1f, p95 %.1f (recognition of the decoded frame)%n",
                millisPercentile(50), millisPercentile(95));
        out.printf(Locale.ROOT, "CPU ms per photo:  p50 %.1f, p95 %.1f (the recognising thread alone)%n",
                cpuMillisPercentile(50), cpuMillisPercentile(95));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
