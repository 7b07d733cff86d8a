package com.platepay.edge.recognition.video;

import com.platepay.edge.recognition.PlateRecogniser;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Reads a video file or RTSP stream with FFmpeg and reports one {@link VehiclePass} per vehicle. */
public final class VideoPlateReader {

    /** Frames without a plate (among those read) that end a vehicle's pass. */
    private static final int GAP_FRAMES = 8;

    private final PlateRecogniser recogniser;
    private final int every;

    public VideoPlateReader(PlateRecogniser recogniser, int every) {
        this.recogniser = recogniser;
        this.every = Math.max(1, every);
    }

    public void read(String source, Consumer<VehiclePass> passes) throws FrameGrabber.Exception {
        PassVoter voter = new PassVoter(GAP_FRAMES);
        // FFmpeg prints stream details at info level on stderr; a lane box's log wants only its errors.
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            if (source.startsWith("rtsp:")) {
                grabber.setOption("rtsp_transport", "tcp");
            }
            grabber.start();
            long index = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (index++ % every != 0) continue;
                Mat mat = converter.convert(frame);
                voter.accept(recogniser.recognise(mat)).ifPresent(passes);
            }
            grabber.stop();
        }
        voter.finish().ifPresent(passes);
    }
}
