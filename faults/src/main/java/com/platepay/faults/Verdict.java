package com.platepay.faults;

import java.util.List;

/**
 * One invariant's outcome with its figure. {@code attention} lists what passed but needs a person (e.g. a charge
 * left REVERSAL_FAILED): reported, never silent.
 */
record Verdict(String invariant, boolean holds, String figure, List<String> examples, List<String> attention) {
}
