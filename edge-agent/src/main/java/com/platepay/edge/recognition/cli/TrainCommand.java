package com.platepay.edge.recognition.cli;

import com.platepay.edge.recognition.train.CtcSampleWriter;
import com.platepay.edge.recognition.train.CtcTraining;
import com.platepay.edge.recognition.train.ModelTraining;
import com.platepay.edge.recognition.train.PlateFonts;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the agent's own networks on synthetic plates (the two character classifiers, then the",
                "whole-plate CTC reader) and writes the model files the agent loads.",
                "Fonts come from Debian: fonts-noto-cjk (required), fonts-dejavu-extra (optional).",
                "The committed models are: ./platepay train --easypr DIR (other options at their defaults)."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "${env:PLATEPAY_HOME:-.}/edge-agent/src/main/resources/models",
            description = "where to write province.xml.gz, serial.xml.gz and ctc.onnx (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "20261123", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--plates", defaultValue = "4000", description = "synthetic plates to render (default: ${DEFAULT-VALUE})")
    int plates;

    @Option(names = "--per-class", defaultValue = "450", description = "samples per character kept (default: ${DEFAULT-VALUE})")
    int perClass;

    @Option(names = "--hidden", defaultValue = "80", description = "hidden units per network (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--iterations", defaultValue = "250", description = "RPROP iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--easypr", paramLabel = "DIR",
            description = "optional real character crops (EasyPR, Apache-2.0): the folder holding chars2/ and "
                    + "charsChinese/ after `7z x` of shared/data/plate-chars/*.7z")
    Path easyPr;

    @Option(names = "--models", defaultValue = "all",
            description = "which models to train: all, chars (the two MLPs) or ctc (the whole-plate CTC reader, "
                    + "trained by /usr/bin/python3 with PyTorch: apt-get install python3-torch) (default: ${DEFAULT-VALUE})")
    String models;

    @Option(names = "--ctc-plates", defaultValue = "30000",
            description = "synthetic plates for the CTC reader (default: ${DEFAULT-VALUE})")
    int ctcPlates;

    @Option(names = "--ctc-data", paramLabel = "DIR",
            description = "only write the CTC reader's training plates into DIR, train nothing")
    Path ctcData;

    @Override
    public Integer call() throws Exception {
        if (ctcData != null) {
            new CtcSampleWriter(PlateFonts.load(), easyPr).write(seed, ctcPlates, ctcData);
            System.out.printf("wrote %d plates to %s%n", ctcPlates, ctcData);
            return 0;
        }
        if (!models.equals("ctc")) {
            new ModelTraining(new ModelTraining.Settings(seed, plates, perClass, hidden, iterations, out, easyPr),
                    System.out).run();
        }
        if (!models.equals("chars")) {
            return new CtcTraining(seed, ctcPlates, easyPr, out, System.out).run();
        }
        return 0;
    }
}
