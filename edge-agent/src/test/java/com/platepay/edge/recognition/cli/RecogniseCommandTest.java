package com.platepay.edge.recognition.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.edge.recognition.PlateBox;
import com.platepay.edge.recognition.PlateReading;
import com.platepay.protocol.plate.PlateColour;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecogniseCommandTest {

    @Test
    void csvRowsKeepTheOldColumnsAndAddActAndCpuMs() {
        PlateReading r = new PlateReading("京A12345", PlateColour.BLUE, 0.5, new double[7], new PlateBox(10, 20, 120, 40, 0),
                List.of()).withCalibrated(0.912);
        assertEquals("a.jpg,京A12345,blue,0.912,10,20,120,40,33.3,1,21.5", RecogniseCommand.row("a.jpg", r, 33.33, true, 21.54));
        assertEquals("a.jpg,京A12345,blue,0.912,10,20,120,40,33.3,0,21.5", RecogniseCommand.row("a.jpg", r, 33.33, false, 21.54));
    }
}
