package com.platepay.fuzz;

/**
 * What became of one sent case: the server's answer, or the broker's refusal, or nothing. {@code lostWithConnection}
 * marks a case in flight when the fuzzer had to reconnect (its answer may have gone to the old session).
 */
public record Outcome(Sent sent, Answer answer, String brokerRefusal, boolean lostWithConnection) {

    public boolean answered() {
        return answer != null;
    }

    public boolean refusedByBroker() {
        return brokerRefusal != null;
    }
}
