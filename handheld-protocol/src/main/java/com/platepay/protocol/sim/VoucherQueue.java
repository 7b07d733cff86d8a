package com.platepay.protocol.sim;

import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.offline.Voucher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The handheld's durable voucher queue: two append-only files, each line forced to the disk before the call returns.
 * {@code vouchers} holds every voucher issued, one signed JSON per line; {@code vouchers-settled} holds
 * {@code counter STATUS voucherId} for each the server took for good (PAID or ARREARS). Nothing is ever rewritten, so
 * a SIGKILL or a power cut at any point leaves at worst a torn last line, which is skipped: a voucher counts as issued
 * only once its line is whole on the disk (the attendant is told only then), and a settlement lost that way just
 * means one more upload, which the server answers from what it stored.
 */
final class VoucherQueue {

    private final Path queue;
    private final Path settled;

    VoucherQueue(OfflineFiles files) {
        this.queue = files.queue();
        this.settled = files.settled();
    }

    void append(Voucher v) throws IOException {
        appendLine(queue, new String(ProtocolCodec.mapper().writeValueAsBytes(v), StandardCharsets.UTF_8));
    }

    void settle(long counter, String status, String voucherId) throws IOException {
        appendLine(settled, counter + " " + status + " " + voucherId);
    }

    /** Every whole voucher line, in counter order (a voucher appears once even if a line was somehow written twice). */
    List<Voucher> all() throws IOException {
        Map<Long, Voucher> byCounter = new HashMap<>();
        for (String line : lines(queue)) {
            try {
                Voucher v = ProtocolCodec.mapper().readValue(line, Voucher.class);
                byCounter.putIfAbsent(v.counter(), v);
            } catch (IOException torn) {
                // a line cut short by a crash: that voucher was never confirmed to anyone
            }
        }
        List<Voucher> all = new ArrayList<>(byCounter.values());
        all.sort(Comparator.comparingLong(Voucher::counter));
        return all;
    }

    /** What the server has not settled yet, in counter order: the device clock has no say in it. */
    List<Voucher> pending() throws IOException {
        Map<Long, String> done = settledCounters();
        return all().stream().filter(v -> !done.containsKey(v.counter())).toList();
    }

    Map<Long, String> settledCounters() throws IOException {
        Map<Long, String> done = new HashMap<>();
        for (String line : lines(settled)) {
            String[] parts = line.split(" ");
            if (parts.length == 3) {
                try {
                    done.put(Long.parseLong(parts[0]), parts[1]);
                } catch (NumberFormatException torn) {
                    // skipped, as above
                }
            }
        }
        return done;
    }

    long highestCounter() throws IOException {
        return all().stream().mapToLong(Voucher::counter).max().orElse(0);
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i));
                start = i + 1;
            }
        }
        // Text after the last newline is a line torn by a crash: it was never completed, so it never counted.
        return lines.stream().filter(l -> !l.isBlank()).toList();
    }

    /** One whole line, forced to the disk; after a torn last line it starts on a fresh line. */
    private static void appendLine(Path file, String line) throws IOException {
        OfflineFiles.ensureExists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            long size = ch.size();
            boolean fresh = true;
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                fresh = last.get(0) == '\n';
            }
            ByteBuffer bytes = ByteBuffer.wrap(((fresh ? "" : "\n") + line + "\n").getBytes(StandardCharsets.UTF_8));
            long at = size;
            while (bytes.hasRemaining()) {
                at += ch.write(bytes, at);
            }
            ch.force(true);
        }
    }
}
