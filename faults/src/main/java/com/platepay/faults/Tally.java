package com.platepay.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Live counters for the progress line and the summary. */
final class Tally {
    final LongAdder started = new LongAdder();
    final LongAdder ended = new LongAdder();
    final LongAdder gaveUp = new LongAdder();
    final LongAdder publishes = new LongAdder();
    final LongAdder resends = new LongAdder();
    final LongAdder copies = new LongAdder();
    final LongAdder otherSpellings = new LongAdder();
    final LongAdder inProgress = new LongAdder();
    final LongAdder badSignatures = new LongAdder();
    /** Fills whose cylinder-check placed a hold the charge then named, and fills charged plainly (no hold placed). */
    final LongAdder fillsHeld = new LongAdder();
    final LongAdder fillsUnheld = new LongAdder();
    /** Offline: stretches, vouchers issued, fills the device refused (with a few of its reasons), and the uploads. */
    final LongAdder offlineStretches = new LongAdder();
    final LongAdder vouchersIssued = new LongAdder();
    final LongAdder offlineRefused = new LongAdder();
    final java.util.Set<String> offlineRefusals = ConcurrentHashMap.newKeySet();
    final LongAdder voucherUploads = new LongAdder();
    /** Uploads of a voucher already settled on the device (the same answer is due), and copies published twice. */
    final LongAdder voucherReuploads = new LongAdder();
    final LongAdder voucherCopies = new LongAdder();
    final LongAdder voucherPending = new LongAdder();
    final LongAdder voucherRejected = new LongAdder();
    final LongAdder voucherNoAnswer = new LongAdder();
    final LongAdder clockJumps = new LongAdder();
    private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();

    void ended(Answer a) {
        ended.increment();
        byStatus.computeIfAbsent(a.status(), k -> new LongAdder()).increment();
        byReason.computeIfAbsent(a.label(), k -> new LongAdder()).increment();
    }

    Map<String, Long> byStatus() {
        Map<String, Long> m = new TreeMap<>();
        byStatus.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    Map<String, Long> byReason() {
        Map<String, Long> m = new TreeMap<>();
        byReason.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Planned charges done: ended or given up online, or filled offline (a voucher issued, or refused on the device). */
    long done() {
        return ended.sum() + gaveUp.sum() + vouchersIssued.sum() + offlineRefused.sum();
    }

    void refusedOffline(String why) {
        offlineRefused.increment();
        if (offlineRefusals.size() < 3) {
            offlineRefusals.add(why);
        }
    }
}
