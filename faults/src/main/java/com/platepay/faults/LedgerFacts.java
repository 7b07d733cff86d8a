package com.platepay.faults;

import java.util.List;
import java.util.Map;

/**
 * The books, read directly: postings that do not sum to zero, the sum of every entry, and per charge the net
 * amount on the acquirer receivable and the number of CHARGE_APPROVED postings.
 */
record LedgerFacts(List<String> unbalancedPostings, long totalOfAllEntries, Map<String, Long> receivableByCharge,
                   Map<String, Integer> approvedPostingsByCharge) {
}
