package com.platepay.acquirerhost;

import java.util.List;

/**
 * The host's --state file: accounts, transactions, and tombstones (reversals that arrived before their
 * original, as "terminal|stan|field7" and "rrn:..." keys).
 */
public record HostState(List<HostAccount> accounts, List<HostTransaction> transactions, List<String> tombstones) {
}
