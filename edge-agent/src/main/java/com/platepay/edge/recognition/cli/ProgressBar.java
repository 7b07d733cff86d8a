package com.platepay.edge.recognition.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn in place. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream err;
    private final int total;

    ProgressBar(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    void show(int done, String label) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        err.printf("\r[%s%s] %d/%d %-24s", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, label);
        if (done == total) err.println();
        err.flush();
    }
}
