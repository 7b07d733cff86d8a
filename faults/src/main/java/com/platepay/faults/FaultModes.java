package com.platepay.faults;

import java.util.EnumMap;
import java.util.Map;

/** One acquirer's names for the suite's {@link BankSide.Fault}s, both ways. */
final class FaultModes {
    private final Map<BankSide.Fault, String> modes;

    FaultModes(Map<BankSide.Fault, String> modes) {
        if (modes.size() != BankSide.Fault.values().length) {
            throw new IllegalArgumentException("every fault needs a mode: " + modes);
        }
        this.modes = new EnumMap<>(modes);
    }

    String mode(BankSide.Fault fault) {
        return modes.get(fault);
    }

    BankSide.Fault fault(String mode) {
        return modes.entrySet().stream().filter(e -> e.getValue().equals(mode)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("the bank holds a rule the suite did not set: " + mode));
    }
}
