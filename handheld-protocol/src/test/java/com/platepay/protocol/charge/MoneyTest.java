package com.platepay.protocol.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"128.50, 12850", "128, 12800", "0.5, 50", "0.05, 5", "0, 0", "0.00, 0", "007.10, 710", "1.99, 199",
            "92233720368547758.07, 9223372036854775807"})
    void parses(String yuan, long fen) {
        assertEquals(fen, Money.parseMinorUnits(yuan));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "-1", "-0.5", "+1", "1.234", "1.", ".5", "1e3", "1,5", "1 000", " 1", "1 ", "NaN",
            "Infinity", "abc", "¥12", "１２", "92233720368547758.08", "100000000000000000", "0x10", "1..2", "1.2.3"})
    void refuses(String yuan) {
        assertThrows(IllegalArgumentException.class, () -> Money.parseMinorUnits(yuan));
    }

    @ParameterizedTest
    @CsvSource({"12850, 128.50", "12800, 128.00", "5, 0.05", "0, 0.00", "-50, -0.50", "9223372036854775807, 92233720368547758.07",
            "-9223372036854775808, -92233720368547758.08"})
    void formats(long fen, String yuan) {
        assertEquals(yuan, Money.format(fen));
    }
}
