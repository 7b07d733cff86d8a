package com.platepay.edge.lane;

import com.platepay.edge.recognition.PlateRecogniser;
import com.platepay.edge.recognition.read.PaddleTextReader;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./platepay lane}: runs one lane box. */
@Command(name = "lane", mixinStandardHelpOptions = true,
        description = {"Runs a parking lane box: reads plates in frames, journals each read, sends it to the server and",
                "drives the barrier by the server's signed commands. One JSON line per event on stdout, a short line on stderr.",
                "With --images DIR it reads the folder once and exits 0 when the barrier opened, 1 when it stayed closed,",
                "3 when no answer came in time; --follow keeps watching."})
public final class LaneCli implements Callable<Integer> {

    enum Lane { entry, exit }

    @Option(names = "--lane", required = true, description = "entry or exit: the demo lot's lane, with its defaults")
    Lane lane;

    @Option(names = "--images", paramLabel = "DIR", description = "a folder of images, one vehicle (each image a frame)")
    Path images;

    @Option(names = "--source", paramLabel = "FILE|rtsp://...", description = "a video file or RTSP stream")
    String source;

    @Option(names = "--follow", description = "keep watching (new images in the folder, or the stream) and keep the link up")
    boolean follow;

    @Option(names = "--device-file", paramLabel = "FILE", description = "the lane camera's credentials (default: the demo's lane-<lane>.json)")
    Path deviceFile;

    @Option(names = "--site", description = "site id (default: from the device file)")
    String site;

    @Option(names = "--lane-id", description = "device id of the lane camera (default: from the device file)")
    String laneId;

    @Option(names = "--data", paramLabel = "DIR", description = "journal, crops and allow-list (default: .platepay/lanes/<lane>)")
    Path data;

    @Option(names = "--timeout", defaultValue = "30", description = "seconds to wait for the server's decision (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--crop-retention-days", defaultValue = "30", description = "plate crops are deleted after this (default: ${DEFAULT-VALUE})")
    int retentionDays;

    @Option(names = "--every", defaultValue = "2", description = "with --source: read every n-th frame (default: ${DEFAULT-VALUE})")
    int every;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LaneCli()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if ((images == null) == (source == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give exactly one of --images DIR and --source FILE|URL");
        }
        Path home = Path.of(System.getenv().getOrDefault("PLATEPAY_HOME", "."));
        Path file = deviceFile != null ? deviceFile : home.resolve(".platepay/demo/lane-" + lane + ".json");
        PlateRead.Direction direction = lane == Lane.entry ? PlateRead.Direction.ENTRY : PlateRead.Direction.EXIT;
        LaneDevice device = LaneDevice.read(file, lane + "-1", direction, site, laneId);
        Path dir = data != null ? data : home.resolve(".platepay/lanes/" + lane);
        Events events = new Events(System.out, System.err);
        try (PlateRecogniser recogniser = recogniser();
             LaneBox box = new LaneBox(device, Journal.open(dir.resolve("journal.log")), new CropStore(dir.resolve("crops"),
                     Duration.ofDays(retentionDays)), new AllowListStore(dir.resolve("allow-list.json")), new SimulatedBarrier(events::say),
                     events, Duration.ofSeconds(3))) {
            box.start();
            awaitLink(box, Duration.ofSeconds(3));
            PassReader reader = new PassReader(recogniser, 8);
            List<LaneBox.Recorded> recorded = new ArrayList<>();
            if (images != null) {
                Set<Path> seen = FrameSource.none();
                do {
                    if (FrameSource.newImages(images, seen, frame -> accept(reader, frame, box, recorded)) > 0) {
                        reader.finish().ifPresent(pass -> recorded.add(record(box, pass)));
                    }
                    if (follow) {
                        Thread.sleep(1000);
                    }
                } while (follow);
            } else {
                do {
                    FrameSource.video(source, every, frame -> accept(reader, frame, box, recorded));
                    reader.finish().ifPresent(pass -> recorded.add(record(box, pass)));
                } while (follow);
            }
            if (recorded.isEmpty()) {
                events.say("no plate read in the frames");
                return 2;
            }
            return outcome(recorded.get(recorded.size() - 1), events);
        }
    }

    /** The bundled networks, with PaddleOCR as second opinion when the build fetched its model. */
    static PlateRecogniser recogniser() {
        PlateRecogniser own = PlateRecogniser.withBundledModels();
        return PaddleTextReader.defaultDirectory().map(own::withSecondOpinionFrom).orElse(own);
    }

    private void accept(PassReader reader, Mat frame, LaneBox box, List<LaneBox.Recorded> recorded) {
        reader.accept(frame).ifPresent(pass -> recorded.add(record(box, pass)));
    }

    private static LaneBox.Recorded record(LaneBox box, PassReader.Pass pass) {
        try {
            return box.record(pass);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 0 when the barrier opened for the last vehicle, 1 when it stayed closed, 3 without an answer in time. */
    private int outcome(LaneBox.Recorded last, Events events) throws Exception {
        try {
            LaneCommand answer = last.answer().get(timeoutSeconds, TimeUnit.SECONDS);
            return last.openedOffline() || answer.action() == LaneCommand.Action.OPEN_BARRIER ? 0 : 1;
        } catch (TimeoutException e) {
            if (last.openedOffline()) {
                events.say("opened offline; the read stays in the journal until the server has it (run again to send it)");
                return 0;
            }
            events.say("no answer from the server within " + timeoutSeconds + " s; the read stays in the journal");
            return 3;
        }
    }

    private static void awaitLink(LaneBox box, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!box.online() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
