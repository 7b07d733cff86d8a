package com.platepay.edge.recognition.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthTableTest {

    @Test
    void loadsPlatesByImage(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("plates.csv"), TruthTable.HEADER + "\n"
                + "a.jpg,京A12345,blue,100,50,120,40,0\n\n"
                + "a.jpg,粤B8D6F7,yellow,300,60,118,38,-2\n");
        TruthTable table = TruthTable.load(csv);
        assertEquals(2, table.size());
        assertEquals(2, table.platesIn("a.jpg").size());
        assertEquals(-2, table.platesIn("a.jpg").get(1).box().angleDeg());
        assertTrue(table.platesIn("b.jpg").isEmpty());
    }

    @Test
    void aMalformedRowIsNamedByItsLine(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("plates.csv"), TruthTable.HEADER + "\n"
                + "a.jpg,京A12345,blue,100,50,120,40,0\n"
                + "b.jpg,粤B8D6F7,yellow,300,sixty,118,38,0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TruthTable.load(csv));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
