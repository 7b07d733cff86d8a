package com.platepay.edge.recognition.eval;

import com.platepay.edge.recognition.PlateBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The true plates of an evaluation set, by image file name. */
public final class TruthTable {

    private final Map<String, List<TruePlate>> byImage = new LinkedHashMap<>();
    private int size;

    static final String HEADER = "image,plate,colour,cx,cy,width,height,rotation_deg";

    /** @throws IllegalArgumentException naming the file and line when a row is not {@value #HEADER} */
    public static TruthTable load(Path csv) throws IOException {
        TruthTable table = new TruthTable();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int n = 1; n < lines.size(); n++) {   // line 0 is the header
            String line = lines.get(n);
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            try {
                if (f.length != 8) throw new IllegalArgumentException(f.length + " fields");
                PlateBox box = new PlateBox(Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]));
                table.byImage.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new TruePlate(f[0], f[1], f[2], box));
                table.size++;
            } catch (IllegalArgumentException e) {   // NumberFormatException included
                throw new IllegalArgumentException(String.format("%s line %d: expected %s (%s)", csv, n + 1, HEADER,
                        e.getMessage()), e);
            }
        }
        return table;
    }

    public List<TruePlate> platesIn(String image) {
        return byImage.getOrDefault(image, List.of());
    }

    public int size() {
        return size;
    }
}
