package com.platepay.edge.recognition.read;

import com.platepay.protocol.plate.PlateNumber;

/** The two character classifiers: one for the province character, one for letters, digits and special suffixes. */
public enum CharSet {
    PROVINCE(PlateNumber.PROVINCES, "province.xml.gz"),
    SERIAL("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ" + PlateNumber.SPECIAL_SUFFIXES, "serial.xml.gz");

    /** Letters allowed as the issuing-office character (second character). */
    public static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final String alphabet;
    private final String modelFile;

    CharSet(String alphabet, String modelFile) {
        this.alphabet = alphabet;
        this.modelFile = modelFile;
    }

    public String alphabet() {
        return alphabet;
    }

    public int size() {
        return alphabet.length();
    }

    public String modelFile() {
        return modelFile;
    }

    public char symbol(int index) {
        return alphabet.charAt(index);
    }

    public int indexOf(char c) {
        return alphabet.indexOf(c);
    }
}
