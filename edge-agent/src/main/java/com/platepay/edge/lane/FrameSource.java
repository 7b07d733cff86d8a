package com.platepay.edge.lane;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Frames for a lane: a folder of images (each a frame), or a video file or RTSP stream through FFmpeg. */
final class FrameSource {

    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "bmp");

    private FrameSource() {
    }

    /** The folder's images not yet in {@code seen}, in name order, each given to {@code frames}; returns how many. */
    static int newImages(Path dir, Set<Path> seen, Consumer<Mat> frames) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> IMAGES.contains(extension(f))).sorted().filter(f -> !seen.contains(f)).toList();
        }
        for (Path f : files) {
            seen.add(f);
            try (Mat frame = imread(f.toString())) {
                if (!frame.empty()) {
                    frames.accept(frame);
                }
            }
        }
        return files.size();
    }

    static Set<Path> none() {
        return new HashSet<>();
    }

    /** Every {@code every}-th frame of a video file or stream, until it ends. */
    static void video(String source, int every, Consumer<Mat> frames) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source); OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            if (source.startsWith("rtsp:")) {
                grabber.setOption("rtsp_transport", "tcp");
            }
            grabber.start();
            long index = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (index++ % every == 0) {
                    frames.accept(converter.convert(frame));
                }
            }
            grabber.stop();
        }
    }

    private static String extension(Path f) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
