package com.platepay.faults;

/** The faults the suite can inject, each with the name used by --faults. */
enum FaultKind {
    SERVER_KILL("kill"),
    BROKER_RESTART("broker"),
    POSTGRES_RESTART("postgres"),
    BANK_FAULTS("bank"),
    DUPLICATES("duplicates"),
    REVERSAL_FAILURES("reversals"),
    /** A copy of a charge spelled in upper case: the same charge id to anyone who applies its canonical form. */
    ID_SPELLING("spelling"),
    /** With two or more replicas: one replica (not the first) killed with SIGKILL and left dead; the others finish. */
    REPLICA_KILL("replica");

    final String flag;

    FaultKind(String flag) {
        this.flag = flag;
    }

    static FaultKind ofFlag(String flag) {
        for (FaultKind k : values()) {
            if (k.flag.equalsIgnoreCase(flag.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + flag + "'; known: kill, broker, postgres, bank, duplicates, reversals, spelling, replica");
    }
}
