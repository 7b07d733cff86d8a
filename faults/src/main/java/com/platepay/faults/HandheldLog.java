package com.platepay.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the handhelds sent and heard, per charge id, and every voucher they issued offline, per (device,
 * counter): the devices' side of the invariants.
 */
final class HandheldLog {

    /**
     * One voucher as its handheld saw it: what it signed, every final answer heard for it (PAID or ARREARS, on each
     * upload), the one it settled on (null when it never had one), how often it was uploaded, whether its device clock
     * had jumped, and whether an upload of it was unanswered when the server was killed.
     */
    record VoucherEntry(String deviceId, long counter, String plate, long amount, java.time.Instant capturedAt, boolean clockJumped,
                        String finalStatus, List<String> heard, int uploads, boolean uploadedAgain, boolean acrossKill) {
        String key() {
            return key(deviceId, counter);
        }

        static String key(String deviceId, long counter) {
            return deviceId + "#" + counter;
        }
    }

    private static final class VoucherState {
        final com.platepay.protocol.offline.Voucher voucher;
        final boolean clockJumped;
        final List<String> heard = Collections.synchronizedList(new ArrayList<>());
        volatile String finalStatus;
        volatile int uploads;
        volatile boolean inFlight;
        volatile boolean acrossKill;
        volatile boolean again;

        VoucherState(com.platepay.protocol.offline.Voucher voucher, boolean clockJumped) {
            this.voucher = voucher;
            this.clockJumped = clockJumped;
        }
    }

    private final Map<String, VoucherState> vouchers = new ConcurrentHashMap<>();

    void issued(com.platepay.protocol.offline.Voucher v, boolean clockJumped) {
        vouchers.putIfAbsent(VoucherEntry.key(v.deviceId(), v.counter()), new VoucherState(v, clockJumped));
    }

    /** An upload of the voucher is published and not answered yet. */
    void uploading(String deviceId, long counter) {
        VoucherState s = vouchers.get(VoucherEntry.key(deviceId, counter));
        if (s != null) {
            s.uploads++;
            s.inFlight = true;
        }
    }

    /** An answer to an upload (any status); a final one (PAID, ARREARS) is kept among those heard. */
    void voucherAnswered(String deviceId, long counter, String status) {
        VoucherState s = vouchers.get(VoucherEntry.key(deviceId, counter));
        if (s != null) {
            s.inFlight = false;
            if ("PAID".equals(status) || "ARREARS".equals(status)) {
                s.heard.add(status);
            }
        }
    }

    void voucherSettled(String deviceId, long counter, String status) {
        VoucherState s = vouchers.get(VoucherEntry.key(deviceId, counter));
        if (s != null && s.finalStatus == null) {
            s.finalStatus = status;
        }
    }

    /** The voucher is uploaded once more after it settled on the device. */
    void uploadingAgain(String deviceId, long counter) {
        VoucherState s = vouchers.get(VoucherEntry.key(deviceId, counter));
        if (s != null) {
            s.again = true;
        }
    }

    long vouchersInFlight() {
        return vouchers.values().stream().filter(s -> s.inFlight).count();
    }

    /** Just before a server kill: the vouchers whose upload is unanswered now are uploaded across it. */
    int markUploadsAcrossKill() {
        int n = 0;
        for (VoucherState s : vouchers.values()) {
            if (s.inFlight) {
                s.acrossKill = true;
                n++;
            }
        }
        return n;
    }

    List<VoucherEntry> vouchers() {
        List<VoucherEntry> out = new ArrayList<>();
        for (VoucherState s : vouchers.values()) {
            List<String> heard;
            synchronized (s.heard) {
                heard = List.copyOf(s.heard);
            }
            var v = s.voucher;
            out.add(new VoucherEntry(v.deviceId(), v.counter(), v.plate(), v.amount(), v.capturedAt(), s.clockJumped, s.finalStatus, heard,
                    s.uploads, s.again, s.acrossKill));
        }
        return out;
    }

    /** One charge as its handheld saw it. {@code finalAnswer} is null when it gave up. */
    record Entry(PlannedCharge charge, String deviceId, Answer finalAnswer, List<Answer> allAnswers, int attempts) {
    }

    private final Map<String, PlannedCharge> sent = new ConcurrentHashMap<>();
    private final Map<String, String> deviceOf = new ConcurrentHashMap<>();
    private final Map<String, Answer> finals = new ConcurrentHashMap<>();
    private final Map<String, List<Answer>> heard = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    void sending(PlannedCharge charge, String deviceId) {
        sent.putIfAbsent(charge.chargeId(), charge);
        deviceOf.putIfAbsent(charge.chargeId(), deviceId);
        attempts.merge(charge.chargeId(), 1, Integer::sum);
    }

    /** Every answer, also late ones for an attempt the handheld had stopped waiting for. */
    void heard(String chargeId, Answer answer) {
        heard.computeIfAbsent(chargeId, k -> Collections.synchronizedList(new ArrayList<>())).add(answer);
    }

    void ended(String chargeId, Answer answer) {
        finals.put(chargeId, answer);
    }

    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (var e : sent.entrySet()) {
            String id = e.getKey();
            List<Answer> all = heard.getOrDefault(id, List.of());
            List<Answer> copy;
            synchronized (all) {
                copy = List.copyOf(all);
            }
            out.add(new Entry(e.getValue(), deviceOf.get(id), finals.get(id), copy, attempts.getOrDefault(id, 0)));
        }
        return out;
    }
}
