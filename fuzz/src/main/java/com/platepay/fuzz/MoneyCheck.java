package com.platepay.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Money moves only for valid charges, at most once each: every debit that took money (approved, or approved and
 * later reversed) must belong to a chargeId that some schema-valid charge carried, with that charge's amount, and no
 * chargeId may take money twice. chargeIds are compared without case: two spellings of one id are one charge.
 */
public final class MoneyCheck {
    private MoneyCheck() {
    }

    public static List<String> violations(List<BankDebits.Debit> newDebits, List<Sent> sent) {
        Map<String, List<Sent>> byChargeId = new HashMap<>();
        for (Sent s : sent) {
            if (s.chargeId() != null) {
                byChargeId.computeIfAbsent(key(s.chargeId()), k -> new ArrayList<>()).add(s);
            }
        }
        List<String> out = new ArrayList<>();
        Map<String, List<BankDebits.Debit>> moved = newDebits.stream().filter(BankDebits.Debit::movedMoney)
                .collect(Collectors.groupingBy(d -> key(d.chargeRef())));
        moved.forEach((chargeId, debits) -> {
            List<Sent> carriers = byChargeId.getOrDefault(chargeId, List.of());
            List<Sent> valid = carriers.stream().filter(Sent::validCharge).toList();
            if (debits.size() > 1) {
                out.add("chargeId " + chargeId + " took money " + debits.size() + " times: " + debits);
            }
            if (valid.isEmpty()) {
                out.add("money moved (" + debits.get(0).amount() + ") for chargeId " + chargeId
                        + ", which no schema-valid charge carried; sent as: "
                        + carriers.stream().map(Sent::describe).limit(3).toList());
                return;
            }
            for (BankDebits.Debit d : debits) {
                boolean amountSent = valid.stream().anyMatch(s -> s.amount() != null && s.amount().compareTo(BigDecimal.valueOf(d.amount())) == 0);
                if (!amountSent) {
                    out.add("debit " + d.debitId() + " of " + d.amount() + " for chargeId " + chargeId
                            + " matches no valid charge's amount: " + valid.stream().map(Sent::describe).limit(3).toList());
                }
            }
        });
        return out;
    }

    private static String key(String chargeId) {
        return chargeId.toLowerCase(Locale.ROOT);
    }
}
