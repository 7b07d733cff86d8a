package com.platepay.protocol.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNumberTest {

    @ParameterizedTest
    @CsvSource({
            "黑E12345, 黑E12345",
            "黑e 12345, 黑E12345",
            "黑E·12345, 黑E12345",
            "京A-B1234, 京AB1234",
            " 粤b.d12345 , 粤BD12345",
            "沪A12345F, 沪A12345F",
            "苏E1234学, 苏E1234学"
    })
    void normalisesAndAccepts(String raw, String expected) {
        assertEquals(expected, PlateNumber.parse(raw).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"黑E1234", "黑E1234567", "XE12345", "黑112345", "黑EI2345", "黑E1234O", "京AA12345", "京A_", "黑E12$45"})
    void refusesWhatIsNotAPlate(String raw) {
        InvalidPlateException e = assertThrows(InvalidPlateException.class, () -> PlateNumber.parse(raw));
        assertEquals("PLATE_INVALID", e.code());
    }

    @Test
    void refusesBlank() {
        assertEquals("PLATE_MISSING", assertThrows(InvalidPlateException.class, () -> PlateNumber.parse(" ")).code());
        assertEquals("PLATE_MISSING", assertThrows(InvalidPlateException.class, () -> PlateNumber.parse(null)).code());
    }

    @Test
    void newEnergyPlatesMustBeGreen() {
        PlateNumber plate = PlateNumber.parse("粤BD12345");
        assertTrue(plate.isNewEnergy());
        plate.checkColour(PlateColour.GREEN);
        assertEquals("PLATE_COLOUR_MISMATCH",
                assertThrows(InvalidPlateException.class, () -> plate.checkColour(PlateColour.BLUE)).code());
        assertFalse(PlateNumber.parse("黑E12345").isNewEnergy());
    }

    @Test
    void parsesColours() {
        assertEquals(PlateColour.BLUE, PlateColour.parse(" blue "));
        assertEquals("PLATE_COLOUR_INVALID", assertThrows(InvalidPlateException.class, () -> PlateColour.parse("pink")).code());
    }
}
