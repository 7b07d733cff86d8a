package com.platepay.edge.recognition.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.platepay.edge.recognition.PlateRecogniser;
import com.platepay.edge.recognition.train.PlateFonts;
import com.platepay.edge.recognition.train.SyntheticPlateRenderer;
import com.platepay.protocol.plate.PlateColour;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A video of one car passing, written with FFmpeg and read back: one vehicle, one read. */
class VideoPlateReaderTest {

    @TempDir
    Path dir;

    @Test
    void oneCarDrivingThroughGivesOneRead() throws Exception {
        assumeTrue(PlateFonts.available(), "fonts-noto-cjk is not installed: video test skipped");
        Path video = dir.resolve("lane.avi");
        writeLaneVideo(video, "苏E12345");

        List<VehiclePass> passes = new ArrayList<>();
        try (PlateRecogniser recogniser = PlateRecogniser.withBundledModels()) {
            new VideoPlateReader(recogniser, 1).read(video.toString(), passes::add);
        }

        assertEquals(1, passes.size(), "passes: " + passes);
        assertEquals("苏E12345", passes.get(0).plate());
        assertEquals(PlateColour.BLUE, passes.get(0).colour());
    }

    /** 4 empty frames, 10 with the plate moving across, 12 empty again. */
    private static void writeLaneVideo(Path file, String text) throws Exception {
        Mat plate = new SyntheticPlateRenderer(PlateFonts.load()).render(text, PlateColour.BLUE, new Random(7)).image();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 640, 360);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setFormat("avi");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoBitrate(2_000_000);
            recorder.setFrameRate(10);
            recorder.start();
            for (int i = 0; i < 26; i++) {
                try (Mat frame = new Mat(360, 640, CV_8UC3, new Scalar(80, 90, 100, 0))) {
                    if (i >= 4 && i < 14) {
                        Rect where = new Rect(60 + 30 * (i - 4), 150, 200, 64);
                        try (Mat small = new Mat(); Mat roi = new Mat(frame, where)) {
                            resize(plate, small, new Size(where.width(), where.height()), 0, 0, INTER_AREA);
                            small.copyTo(roi);
                        }
                    }
                    recorder.record(converter.convert(frame));
                }
            }
            recorder.stop();
        }
    }
}
