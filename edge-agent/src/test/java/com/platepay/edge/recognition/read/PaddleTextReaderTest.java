package com.platepay.edge.recognition.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** PaddleOCR's dictionary entries mapped onto the plate alphabet, with the scoring's normalisation. */
class PaddleTextReaderTest {

    @Test
    void mapsDictionaryEntriesOntoPlateSymbols() {
        assertEquals("京", PaddleTextReader.toPlateSymbol("京"));
        assertEquals("A", PaddleTextReader.toPlateSymbol("a"));
        assertEquals("0", PaddleTextReader.toPlateSymbol("O"));
        assertEquals("1", PaddleTextReader.toPlateSymbol("I"));
        assertEquals("学", PaddleTextReader.toPlateSymbol("学"));
        assertEquals("", PaddleTextReader.toPlateSymbol("·"));   // the dot after a blue plate's second character
        assertEquals("", PaddleTextReader.toPlateSymbol("-"));
        assertEquals("", PaddleTextReader.toPlateSymbol("的"));   // not a plate character
        assertEquals("", PaddleTextReader.toPlateSymbol(" "));
    }
}
