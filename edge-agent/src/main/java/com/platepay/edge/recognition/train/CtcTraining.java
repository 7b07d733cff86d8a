package com.platepay.edge.recognition.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CTC half of {@code ./platepay train}: writes the synthetic plates into a temporary folder, runs the PyTorch
 * trainer ({@code edge-agent/train/ctc_train.py}, Debian's {@code python3-torch} under {@code /usr/bin/python3}),
 * which writes {@code ctc.onnx} into the models folder.
 */
public final class CtcTraining {

    private static final String PYTHON = "/usr/bin/python3";

    private final long seed;
    private final int plates;
    private final Path easyPr;
    private final Path outputDir;
    private final PrintStream log;

    public CtcTraining(long seed, int plates, Path easyPr, Path outputDir, PrintStream log) {
        this.seed = seed;
        this.plates = plates;
        this.easyPr = easyPr;
        this.outputDir = outputDir;
        this.log = log;
    }

    /** @return the trainer's exit status (2 when PyTorch is missing) */
    public int run() throws IOException, InterruptedException {
        Path script = trainer();
        if (new ProcessBuilder(PYTHON, "-c", "import torch").inheritIO().start().waitFor() != 0) {
            log.println("The CTC reader needs PyTorch for " + PYTHON + ": apt-get install -y python3-torch "
                    + "(Debian 12; PyPI is not needed). The character models above are written.");
            return 2;
        }
        Path data = Files.createTempDirectory("platepay-ctc-");
        try {
            long t0 = System.nanoTime();
            new CtcSampleWriter(PlateFonts.load(), easyPr).write(seed, plates, data);
            log.printf("wrote %d synthetic plates for the CTC reader in %.0f s%n", plates, (System.nanoTime() - t0) / 1e9);
            Files.createDirectories(outputDir);
            Process p = new ProcessBuilder(PYTHON, script.toString(), "--data", data.toString(),
                    "--out", outputDir.resolve("ctc.onnx").toString()).inheritIO().start();
            return p.waitFor();
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }

    private static Path trainer() throws IOException {
        String home = System.getenv().getOrDefault("PLATEPAY_HOME", ".");
        for (Path candidate : List.of(Path.of(home, "edge-agent", "train", "ctc_train.py"), Path.of("train", "ctc_train.py"))) {
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IOException("edge-agent/train/ctc_train.py not found (set PLATEPAY_HOME to the checkout)");
    }
}
