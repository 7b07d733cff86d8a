package com.platepay.faults;

/** A result as a handheld heard it. */
record Answer(String status, String reasonCode, long amount) {
    boolean inProgress() {
        return "REJECTED".equals(status) && "IN_PROGRESS".equals(reasonCode);
    }

    /** A final answer ends the charge for the attendant; IN_PROGRESS means "still working, ask again". */
    boolean isFinal() {
        return !inProgress();
    }

    String label() {
        return status + "/" + reasonCode;
    }
}
