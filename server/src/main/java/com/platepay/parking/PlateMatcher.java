package com.platepay.parking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Joins an exit read to an open session, in the order the design fixes: the exact plate, then the reader's
 * candidates, then look-alike characters with at most one swap. A step that finds two sessions is ambiguous and
 * joins none. Only {@link Match#EXACT} may lead to a debit; the others join a session for a person to look at.
 */
public final class PlateMatcher {

    /** How a read found its session. */
    public enum Match { EXACT, CANDIDATE, LOOKALIKE }

    /** The session found and how, or none (then {@code ambiguous} tells whether a step found two). */
    public record Found<T>(T session, Match match, boolean ambiguous) {
        public boolean matched() {
            return session != null;
        }
    }

    /** Characters a reader confuses; a plate has no I or O, but a reader may still say so. */
    private static final List<String> LOOKALIKES = List.of("0ODQ", "8B", "1I", "2Z", "5S", "6G");

    private PlateMatcher() {
    }

    /** Every plate text that may name the read's session: the plate, its candidates and its one-swap look-alikes. */
    public static Set<String> keys(String plate, List<String> candidates) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(plate);
        keys.addAll(candidates);
        keys.addAll(lookalikes(plate));
        return keys;
    }

    /**
     * Picks the session for a read among {@code open} (plate text -> the open session(s) with that text; the
     * exact step also needs the colour, which {@code exactColour} decides).
     */
    public static <T> Found<T> match(String plate, List<String> candidates, Map<String, List<T>> open, Predicate<T> exactColour) {
        List<T> exact = open.getOrDefault(plate, List.of()).stream().filter(exactColour).toList();
        if (exact.size() == 1) {
            return new Found<>(exact.get(0), Match.EXACT, false);
        }
        List<Set<String>> steps = List.of(Set.of(plate), new LinkedHashSet<>(candidates), lookalikes(plate));
        Match[] kinds = {Match.CANDIDATE, Match.CANDIDATE, Match.LOOKALIKE};
        for (int i = 0; i < steps.size(); i++) {
            List<T> found = new ArrayList<>();
            for (String key : steps.get(i)) {
                found.addAll(open.getOrDefault(key, List.of()));
            }
            if (found.size() == 1) {
                return new Found<>(found.get(0), kinds[i], false);
            }
            if (found.size() > 1) {
                return new Found<>(null, null, true);
            }
        }
        return new Found<>(null, null, false);
    }

    /** The plates one look-alike swap away from {@code plate}. */
    static Set<String> lookalikes(String plate) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < plate.length(); i++) {
            char c = plate.charAt(i);
            for (String group : LOOKALIKES) {
                if (group.indexOf(c) < 0) {
                    continue;
                }
                for (char other : group.toCharArray()) {
                    if (other != c) {
                        out.add(plate.substring(0, i) + other + plate.substring(i + 1));
                    }
                }
            }
        }
        return out;
    }
}
