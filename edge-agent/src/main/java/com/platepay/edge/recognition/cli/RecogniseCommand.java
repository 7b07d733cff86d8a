package com.platepay.edge.recognition.cli;

import com.platepay.edge.recognition.PlateReading;
import com.platepay.edge.recognition.PlateRecogniser;
import com.platepay.edge.recognition.eval.Condition;
import com.platepay.edge.recognition.eval.DevSplit;
import com.platepay.edge.recognition.eval.PhotoRecognition;
import com.platepay.edge.recognition.eval.PhotoRecognition.PhotoResult;
import com.platepay.edge.recognition.eval.Scoreboard;
import com.platepay.edge.recognition.eval.TruthTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "recognise", mixinStandardHelpOptions = true,
        description = {"Reads the plates in every image of a folder.",
                "Writes one CSV row per plate found: image,plate,colour,confidence,cx,cy,width,height,ms,act,cpu_ms.",
                "confidence is calibrated (the probability that the text is right); act is 1 when it is at or above",
                "the documented threshold (a lane may act on the read), 0 otherwise. ms is the wall time to find and",
                "read the plates of the decoded image, cpu_ms the recognising thread's CPU time for it.",
                "With --truth the scores, the threshold curve and the false plates are printed for the tuning half,",
                "the validation half (the headline) and all photos (the split: DevSplit, a hash of the file name).",
                "Run it under `taskset -c 0` to hold the whole JVM to one core; the scores then give both the",
                "wall time and the recognising thread's CPU time per photo (the JIT compiler shares the core",
                "while the JVM warms up)."})
final class RecogniseCommand implements Callable<Integer> {

    private static final String HEADER = "image,plate,colour,confidence,cx,cy,width,height,ms,act,cpu_ms";

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "folder of .jpg/.png images")
    Path images;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV to write (default: standard output)")
    Path out;

    @Option(names = "--truth", paramLabel = "CSV",
            description = "true plates (image,plate,colour,cx,cy,width,height,rotation_deg): print scores to stderr")
    Path truth;

    @Option(names = "--misses",
            description = "with --truth: also list the true plates not read exactly, and the plates reported where there is none")
    boolean misses;

    @Option(names = "--models", paramLabel = "DIR", description = "models written by `train --out DIR` (default: bundled)")
    java.nio.file.Path models;

    @Option(names = "--split", paramLabel = "all|tuning|validation", defaultValue = "all",
            description = "read only the photos of one half of the dev split (default: ${DEFAULT-VALUE})")
    String split = "all";

    @Option(names = "--condition", paramLabel = "SCALE[,JPEG]",
            description = "change each photo in memory first: rescale by SCALE, then JPEG-recompress at quality JPEG "
                    + "(e.g. 0.5, 2, 1,30); true boxes scale with it. To see how the pipeline holds up on other cameras")
    String condition;

    @Option(names = "--evidence", description = "print what the readers said about each read (stderr)")
    boolean evidence;

    @Mixin
    SecondOpinionOptions secondOpinion = new SecondOpinionOptions();

    @Override
    public Integer call() throws IOException {
        DevSplit only = split.equals("all") ? null : DevSplit.valueOf(split.toUpperCase(java.util.Locale.ROOT));
        List<Path> files = PhotoRecognition.imageFiles(images).stream()
                .filter(f -> only == null || DevSplit.of(f.getFileName().toString()) == only).toList();
        TruthTable table = truth == null ? null : TruthTable.load(truth);
        Condition change = condition == null ? Condition.AS_IS : Condition.parse(condition);
        Scoreboard scores = null;
        java.util.Map<DevSplit, Scoreboard> halves = new java.util.EnumMap<>(DevSplit.class);
        ProgressBar progress = new ProgressBar(System.err, files.size());
        try (PrintStream csv = out == null ? System.out
                : new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8);
             PlateRecogniser recogniser = secondOpinion.apply(PlateRecogniser.withModels(models))) {
            scores = new Scoreboard(recogniser.actThreshold());
            for (DevSplit h : DevSplit.values()) halves.put(h, new Scoreboard(recogniser.actThreshold()));
            System.err.printf(Locale.ROOT, "edge-agent: documented threshold %.4f (a lane acts on reads at or above it)%s%n",
                    recogniser.actThreshold(), change.isIdentity() ? "" : "; photos changed in memory: " + change);
            csv.println(HEADER);
            for (int i = 0; i < files.size(); i++) {
                progress.show(i, files.get(i).getFileName().toString());
                Optional<PhotoResult> result = PhotoRecognition.recognise(recogniser, files.get(i), change);
                if (result.isEmpty()) {
                    System.err.printf("%nskipping %s: not an image%n", files.get(i));
                    continue;
                }
                PhotoResult photo = result.get();
                photo.readings().forEach(r -> csv.println(row(photo.image(), r, photo.ms(), recogniser.acts(r), photo.cpuMs())));
                if (evidence) photo.readings().forEach(r -> System.err.printf(Locale.ROOT, "%n%s %s %.3f %s%n",
                        photo.image(), r.text(), r.calibrated(), r.evidence()));
                if (table != null) {
                    List<com.platepay.edge.recognition.eval.TruePlate> truePlates =
                            table.platesIn(photo.image()).stream().map(change::apply).toList();
                    scores.add(photo.image(), truePlates, photo.readings(), photo.ms(), photo.cpuMs());
                    halves.get(DevSplit.of(photo.image())).add(photo.image(), truePlates, photo.readings(), photo.ms(),
                            photo.cpuMs());
                }
            }
            progress.show(files.size(), "done");
        }
        if (table != null) {
            if (misses) scores.printMisses(System.err);
            for (DevSplit h : DevSplit.values()) {
                if (only != null && h != only) continue;
                section(h == DevSplit.VALIDATION ? "validation half (headline: never tuned on)"
                        : "tuning half (thresholds and calibration chosen here)", halves.get(h));
            }
            if (only == null) section("all photos (dev total)", scores);
        }
        return 0;
    }

    private static void section(String title, Scoreboard s) {
        System.err.printf("%n== %s ==%n", title);
        s.print(System.err);
        s.printCurve(System.err);
        s.printFalsePlates(System.err);
    }

    static String row(String image, PlateReading r, double ms, boolean act, double cpuMs) {
        return String.format(Locale.ROOT, "%s,%s,%s,%.3f,%.0f,%.0f,%.0f,%.0f,%.1f,%d,%.1f", image, r.text(),
                r.colour().name().toLowerCase(Locale.ROOT), r.calibrated(), r.box().cx(), r.box().cy(),
                r.box().width(), r.box().height(), ms, act ? 1 : 0, cpuMs);
    }
}
