package com.platepay.edge.recognition.cli;

import com.platepay.edge.recognition.PlateReading;
import com.platepay.edge.recognition.PlateRecogniser;
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
                "Writes one CSV row per plate found: image,plate,colour,confidence,cx,cy,width,height,ms.",
                "ms is the time to find and read the plates of the decoded image, on one thread.",
                "Run it under `taskset -c 0` to hold the whole JVM to one core; the scores then give both the",
                "wall time and the recognising thread's CPU time per photo (the JIT compiler shares the core",
                "while the JVM warms up)."})
final class RecogniseCommand implements Callable<Integer> {

    private static final String HEADER = "image,plate,colour,confidence,cx,cy,width,height,ms";

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

    @Mixin
    SecondOpinionOptions secondOpinion = new SecondOpinionOptions();

    @Override
    public Integer call() throws IOException {
        List<Path> files = PhotoRecognition.imageFiles(images);
        TruthTable table = truth == null ? null : TruthTable.load(truth);
        Scoreboard scores = new Scoreboard();
        ProgressBar progress = new ProgressBar(System.err, files.size());
        try (PrintStream csv = out == null ? System.out
                : new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8);
             PlateRecogniser recogniser = secondOpinion.apply(PlateRecogniser.withModels(models))) {
            csv.println(HEADER);
            for (int i = 0; i < files.size(); i++) {
                progress.show(i, files.get(i).getFileName().toString());
                Optional<PhotoResult> result = PhotoRecognition.recognise(recogniser, files.get(i));
                if (result.isEmpty()) {
                    System.err.printf("%nskipping %s: not an image%n", files.get(i));
                    continue;
                }
                PhotoResult photo = result.get();
                photo.readings().forEach(r -> csv.println(row(photo.image(), r, photo.ms())));
                if (table != null) {
                    scores.add(photo.image(), table.platesIn(photo.image()), photo.readings(), photo.ms(), photo.cpuMs());
                }
            }
            progress.show(files.size(), "done");
        }
        if (table != null) {
            if (misses) scores.printMisses(System.err);
            scores.print(System.err);
        }
        return 0;
    }

    static String row(String image, PlateReading r, double ms) {
        return String.format(Locale.ROOT, "%s,%s,%s,%.3f,%.0f,%.0f,%.0f,%.0f,%.1f", image, r.text(),
                r.colour().name().toLowerCase(Locale.ROOT), r.confidence(), r.box().cx(), r.box().cy(),
                r.box().width(), r.box().height(), ms);
    }
}
