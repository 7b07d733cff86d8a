package com.platepay.edge.recognition;

/**
 * What the readers said about one plate, for {@link ReadCalibration}: the project's own reading, PaddleOCR's reading
 * of the same cut (when it was asked), and the plate's size in the camera's pixels.
 *
 * @param own           our networks' text
 * @param ownMean       geometric mean of its character probabilities
 * @param ownMin        the least sure of its characters
 * @param paddle        PaddleOCR's text, mapped to plate symbols ("" when not asked or nothing read)
 * @param paddleMin     the least sure of PaddleOCR's characters (0 when not asked)
 * @param paddleTaken   whether PaddleOCR's reading replaced ours
 * @param twoRow        read row by row as a two-row plate (PaddleOCR only)
 * @param charHeightPx  character height in frame pixels (from the box: 0.64 of a plate's height)
 * @param lineUp        share of the characters that are blobs lined up on the plate's spacing (0 to 1)
 * @param ctc           the project's whole-plate CTC reader's text ("" when not asked)
 * @param ctcMin        the least sure of its characters (0 when not asked)
 */
public record ReadEvidence(String own, double ownMean, double ownMin, String paddle, double paddleMin,
                           boolean paddleTaken, boolean twoRow, double charHeightPx, double lineUp,
                           String ctc, double ctcMin) {

    /** Without the CTC reader's opinion. */
    public ReadEvidence(String own, double ownMean, double ownMin, String paddle, double paddleMin,
                        boolean paddleTaken, boolean twoRow, double charHeightPx, double lineUp) {
        this(own, ownMean, ownMin, paddle, paddleMin, paddleTaken, twoRow, charHeightPx, lineUp, "", 0);
    }

    /** The text that was reported: PaddleOCR's when it replaced ours or read a two-row plate, else ours. */
    public String finalText() {
        return paddleTaken || twoRow ? paddle : own;
    }

    public ReadEvidence withCtc(String text, double min) {
        return new ReadEvidence(own, ownMean, ownMin, paddle, paddleMin, paddleTaken, twoRow, charHeightPx, lineUp,
                text, min);
    }

    /** Whether PaddleOCR, reading independently, gave exactly the final text's characters and our networks too. */
    public boolean readersAgree() {
        return !paddle.isEmpty() && paddle.equals(own);
    }

    /** Whether our networks alone read {@code text}. */
    public boolean ownReads(String text) {
        return own.equals(text);
    }
}
