package com.platepay.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A stack test with one connected handheld; afterwards the bank's faults are cleared and the books must balance. */
public abstract class HandheldStackTest extends StackTest {

    protected TestHandheld handheld;

    @BeforeEach
    void connectHandheld() {
        handheld = newHandheld();
    }

    @AfterEach
    void closeHandheldAndCheckTheBooks() {
        bank.clearFaults();
        handheld.close();
        assertBooksBalance();
    }
}
