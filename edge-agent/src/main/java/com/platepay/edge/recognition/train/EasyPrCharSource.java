package com.platepay.edge.recognition.train;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;

import com.platepay.edge.recognition.read.CharCell;
import com.platepay.edge.recognition.read.CharFeatures;
import com.platepay.edge.recognition.read.CharSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Optional real character crops from EasyPR (Apache-2.0; {@code shared/data/plate-chars}, unpacked with 7z):
 * {@code chars2/<symbol>/} (letters and digits) and {@code charsChinese/zh_<pinyin>/} (provinces). They are
 * 20x20 images, white on black, cut tight and centred; each is placed into a character cell the way a plate
 * character sits in one, softened, and run through the same {@link CharFeatures} as everything else.
 */
final class EasyPrCharSource {

    /** EasyPR's folder names for the province characters. */
    static final Map<String, Character> PROVINCE_FOLDERS = Map.ofEntries(
            Map.entry("zh_cuan", '川'), Map.entry("zh_e", '鄂'), Map.entry("zh_gan", '赣'), Map.entry("zh_gan1", '甘'),
            Map.entry("zh_gui", '贵'), Map.entry("zh_gui1", '桂'), Map.entry("zh_hei", '黑'), Map.entry("zh_hu", '沪'),
            Map.entry("zh_ji", '冀'), Map.entry("zh_jin", '津'), Map.entry("zh_jing", '京'), Map.entry("zh_jl", '吉'),
            Map.entry("zh_liao", '辽'), Map.entry("zh_lu", '鲁'), Map.entry("zh_meng", '蒙'), Map.entry("zh_min", '闽'),
            Map.entry("zh_ning", '宁'), Map.entry("zh_qing", '青'), Map.entry("zh_qiong", '琼'), Map.entry("zh_shan", '陕'),
            Map.entry("zh_su", '苏'), Map.entry("zh_sx", '晋'), Map.entry("zh_wan", '皖'), Map.entry("zh_xiang", '湘'),
            Map.entry("zh_xin", '新'), Map.entry("zh_yu", '豫'), Map.entry("zh_yu1", '渝'), Map.entry("zh_yue", '粤'),
            Map.entry("zh_yun", '云'), Map.entry("zh_zang", '藏'), Map.entry("zh_zhe", '浙'));

    /** Cell geometry in the canvas a crop is placed into: characters 60 px high, as tall as their cell. */
    private static final int CELL_HEIGHT = 60;

    private final Path root;
    private final Random random;

    EasyPrCharSource(Path root, long seed) {
        this.root = root;
        this.random = new Random(SyntheticCharSource.scramble(seed));
    }

    /** Index 0 province, index 1 serial, like {@link SyntheticCharSource#samples}. */
    CharSamples[] samples() throws IOException {
        CharSamples province = new CharSamples(CharSet.PROVINCE), serial = new CharSamples(CharSet.SERIAL);
        for (Map.Entry<String, Character> folder : new java.util.TreeMap<>(PROVINCE_FOLDERS).entrySet()) {
            addFolder(root.resolve("charsChinese").resolve(folder.getKey()), folder.getValue(), true, province);
        }
        for (char symbol : (CharSet.LETTERS + "0123456789").toCharArray()) {
            addFolder(root.resolve("chars2").resolve(String.valueOf(symbol)), symbol, false, serial);
        }
        if (province.size() == 0 || serial.size() == 0) {
            throw new IOException("no EasyPR characters under " + root + " (expected chars2/ and charsChinese/)");
        }
        return new CharSamples[] {province, serial};
    }

    private void addFolder(Path folder, char symbol, boolean fillWidth, CharSamples into) throws IOException {
        if (!Files.isDirectory(folder)) return;
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        for (Path file : files) {
            try (Mat crop = imread(file.toString(), IMREAD_GRAYSCALE)) {
                if (!crop.empty()) {
                    float[] features = inCell(crop, fillWidth);
                    if (features != null) into.add(features, symbol);
                }
            }
        }
    }

    /** Features of the crop's character placed in a cell: full cell height; Chinese also full cell width. */
    private float[] inCell(Mat crop, boolean fillWidth) {
        Rect ink;
        try (Mat binary = new Mat()) {
            threshold(crop, binary, 100, 255, THRESH_BINARY);
            ink = boundingRect(binary);
        }
        if (ink.width() < 2 || ink.height() < 8) return null;
        int cellWidth = CELL_HEIGHT / 2;
        double scale = (double) CELL_HEIGHT / ink.height();
        int w = fillWidth ? cellWidth : (int) Math.min(cellWidth, Math.max(2, Math.round(ink.width() * scale)));
        int canvasW = cellWidth * 2, canvasH = CELL_HEIGHT * 2;
        try (Mat canvas = new Mat(canvasH, canvasW, CV_8UC1, new Scalar(0)); Mat glyph = new Mat();
             Mat inkOnly = new Mat(crop, ink)) {
            resize(inkOnly, glyph, new Size(w, CELL_HEIGHT), 0, 0, INTER_LINEAR);
            int x0 = canvasW / 4, y0 = canvasH / 4;
            try (Mat roi = new Mat(canvas, new Rect(x0 + (cellWidth - w) / 2, y0, w, CELL_HEIGHT))) {
                glyph.copyTo(roi);
            }
            double sigma = 1 + random.nextDouble() * 3;
            GaussianBlur(canvas, canvas, new Size(0, 0), sigma);
            CharCell cell = new CharCell(x0, y0, cellWidth, CELL_HEIGHT)
                    .shifted(random.nextGaussian() * 0.06 * cellWidth, random.nextGaussian() * 0.03 * CELL_HEIGHT);
            return CharFeatures.extract(canvas, cell);
        }
    }
}
