package com.platepay.edge.recognition.cli;

import com.platepay.edge.recognition.PlateRecogniser;
import com.platepay.edge.recognition.video.VehiclePass;
import com.platepay.edge.recognition.video.VideoPlateReader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "video", mixinStandardHelpOptions = true,
        description = {"Reads plates from a video file or an RTSP stream.",
                "Prints one line per passing vehicle, voted over its frames: plate,colour,votes,frames,confidence"})
final class VideoCommand implements Callable<Integer> {

    @Option(names = "--source", required = true, paramLabel = "FILE|URL", description = "video file or rtsp:// URL")
    String source;

    @Option(names = "--every", defaultValue = "2", description = "read every n-th frame (default: ${DEFAULT-VALUE})")
    int every;

    @Option(names = "--models", paramLabel = "DIR", description = "models written by `train --out DIR` (default: bundled)")
    java.nio.file.Path models;

    @Mixin
    SecondOpinionOptions secondOpinion = new SecondOpinionOptions();

    @Override
    public Integer call() throws Exception {
        try (PlateRecogniser recogniser = secondOpinion.apply(PlateRecogniser.withModels(models))) {
            new VideoPlateReader(recogniser, every).read(source, VideoCommand::print);
        }
        return 0;
    }

    private static void print(VehiclePass pass) {
        System.out.printf("%s,%s,%d,%d,%.3f%n", pass.plate(), pass.colour().name().toLowerCase(), pass.votes(),
                pass.frames(), pass.confidence());
    }
}
