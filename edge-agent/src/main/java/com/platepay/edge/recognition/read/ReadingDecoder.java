package com.platepay.edge.recognition.read;

import com.platepay.edge.recognition.PlateReading.Alternative;
import com.platepay.protocol.plate.PlateNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns per-slot probabilities into the most likely texts that obey the plate grammar. A beam search over each
 * slot's likeliest symbols; only texts {@link PlateNumber#isValid} accepts come out, so a misread that breaks the
 * grammar (an 8 where a letter must be) gives way to the best reading that does not.
 */
public final class ReadingDecoder {

    private static final int SYMBOLS_PER_SLOT = 4;
    private static final int BEAM = 24;

    private record Partial(String text, double score) {
    }

    /**
     * @param slots  per slot: the char set its probabilities index into, and the probabilities
     * @return up to {@code max} grammar-valid readings, best first
     */
    public List<Alternative> decode(List<CharSet> sets, List<double[]> slots, int max) {
        List<Partial> beam = List.of(new Partial("", 1.0));
        for (int slot = 0; slot < slots.size(); slot++) {
            CharSet set = sets.get(slot);
            double[] p = slots.get(slot);
            List<Partial> next = new ArrayList<>();
            for (int symbol : topSymbols(p, set, slot, slots.size())) {
                for (Partial partial : beam) {
                    next.add(new Partial(partial.text + set.symbol(symbol), partial.score * p[symbol]));
                }
            }
            next.sort(Comparator.comparingDouble(Partial::score).reversed());
            beam = next.subList(0, Math.min(BEAM, next.size()));
        }
        List<Alternative> valid = new ArrayList<>();
        for (Partial partial : beam) {
            if (PlateNumber.isValid(partial.text) && valid.size() < max) {
                valid.add(new Alternative(partial.text, partial.score));
            }
        }
        return valid;
    }

    /** The likeliest symbols this slot may hold: a letter second, special suffixes only last. */
    private static int[] topSymbols(double[] p, CharSet set, int slot, int length) {
        int[] top = new int[SYMBOLS_PER_SLOT];
        java.util.Arrays.fill(top, -1);
        for (int i = 0; i < p.length; i++) {
            if (!allowed(set.symbol(i), set, slot, length)) continue;
            for (int k = 0; k < top.length; k++) {
                if (top[k] < 0 || p[i] > p[top[k]]) {
                    System.arraycopy(top, k, top, k + 1, top.length - k - 1);
                    top[k] = i;
                    break;
                }
            }
        }
        return java.util.Arrays.stream(top).filter(i -> i >= 0).toArray();
    }

    private static boolean allowed(char c, CharSet set, int slot, int length) {
        if (set != CharSet.SERIAL) return true;
        if (slot == 1 && CharSet.LETTERS.indexOf(c) < 0) return false;
        return slot == length - 1 || PlateNumber.SPECIAL_SUFFIXES.indexOf(c) < 0;
    }
}
