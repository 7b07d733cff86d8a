package com.platepay.holds;

import com.platepay.testing.Iso8583TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@link HoldScenarios} with the ISO 8583 acquirer host: holds are 0100s, completions 0220s, voids 0400s. */
@QuarkusTest
@WithTestResource(Iso8583TestStack.class)
class Iso8583HoldTest extends HoldScenarios {
}
