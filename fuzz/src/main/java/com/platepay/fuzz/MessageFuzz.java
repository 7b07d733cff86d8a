package com.platepay.fuzz;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One fuzz run over MQTT with its checks: sends {@code count} generated cases (and a valid charge at the end, which
 * must still be answered), then compares the bank's new debits with what was sent.
 */
public final class MessageFuzz {

    /** Where to send and where to look for money. */
    public record Target(DeviceUnderTest device, com.platepay.protocol.sim.BrokerUrl broker, BankDebits bank, String accountId) {
    }

    /** The outcomes, the failed pass conditions, and the schema/server disagreements found on the way. */
    public record Result(List<Outcome> outcomes, List<String> violations, List<String> disagreements, int lateOrRepeatedAnswers,
                         int uncorrelatedAnswers, int moneyMovingDebits) {
        public boolean passed() {
            return violations.isEmpty();
        }
    }

    private MessageFuzz() {
    }

    public static Result run(Target target, long seed, int count, Consumer<String> progress) {
        return run(target, new CaseGenerator(target.device(), seed, Clock.systemUTC())::next, count, Set.of(), progress);
    }

    /** As {@link #run(Target, long, int, Consumer)} with any case source; {@code alsoRefused}: see {@link SchemaAgreement}. */
    public static Result run(Target target, java.util.function.Supplier<FuzzCase> cases, int count, Set<String> alsoRefused,
                             Consumer<String> progress) {
        Set<String> before = target.bank().of(target.accountId()).stream().map(BankDebits.Debit::debitId).collect(Collectors.toSet());
        MessageRun run = new MessageRun(target.device(), target.broker(), 48, Duration.ofSeconds(30));
        CaseGenerator probe = new CaseGenerator(target.device(), 0, Clock.systemUTC());
        int[] sent = {0};
        List<Outcome> outcomes = run.run(() -> sent[0]++ < count ? cases.get() : probe.next(CaseGenerator.Family.VALID),
                count + 1, Math.max(1, count / 20), progress);
        List<String> violations = new ArrayList<>(AnswerCheck.violations(outcomes));
        List<BankDebits.Debit> newDebits = List.of();
        try {
            newDebits = target.bank().of(target.accountId()).stream().filter(d -> !before.contains(d.debitId())).toList();
            violations.addAll(MoneyCheck.violations(newDebits, outcomes.stream().map(Outcome::sent).toList()));
        } catch (IllegalStateException e) {
            violations.add("the money was not checked: " + e.getMessage());
        }
        Outcome last = outcomes.get(outcomes.size() - 1);
        if (!last.answered()) {
            violations.add("the server did not answer a valid charge sent after the fuzz cases: it may have stopped serving");
        }
        return new Result(outcomes, violations, SchemaAgreement.disagreements(outcomes, alsoRefused), run.extraAnswers(),
                run.uncorrelatedAnswers(), (int) newDebits.stream().filter(BankDebits.Debit::movedMoney).count());
    }
}
