package com.platepay.iso8583;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the adapter sent under each idempotency key, written (and fsync'd) before the message goes out: a repeat
 * of the key sends the same STAN and RRN again, and a reversal, void or completion can point back at the
 * original after a restart. One tab-separated line per event, replayed at start. Holds no card numbers.
 */
public final class TransactionLog implements AutoCloseable {
    /** The original under a key (a refund is its own 0200 under the refund's key, pointing at the purchase's). */
    public enum Kind { PURCHASE, HOLD, REFUND }

    /** A message that points back at the original; sent until the host acknowledges it. */
    public enum FollowUpKind { REVERSAL, VOID, COMPLETION }

    public static final class Original {
        private final Kind kind;
        private final SentMessage message;
        private volatile String approvalCode;

        Original(Kind kind, SentMessage message) {
            this.kind = kind;
            this.message = message;
        }

        public Kind kind() {
            return kind;
        }

        public SentMessage message() {
            return message;
        }

        public String approvalCode() {
            return approvalCode;
        }
    }

    public static final class FollowUp {
        private final SentMessage message;
        private int attempts;
        private String acknowledgedWith;

        FollowUp(SentMessage message) {
            this.message = message;
        }

        public SentMessage message() {
            return message;
        }

        public synchronized int attempts() {
            return attempts;
        }

        /** Field 39 of the host's acknowledgement, or null while it has not acknowledged. */
        public synchronized String acknowledgedWith() {
            return acknowledgedWith;
        }
    }

    private final Path file;
    private final FileChannel out;
    private final Map<String, Original> originals = new HashMap<>();
    private final Map<String, FollowUp> followUps = new HashMap<>();

    private TransactionLog(Path file, FileChannel out) {
        this.file = file;
        this.out = out;
    }

    public static TransactionLog open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        TransactionLog log = new TransactionLog(file, FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        for (String line : lines) {
            if (!line.isBlank()) {
                log.replay(line.split("\t", -1));
            }
        }
        return log;
    }

    private void replay(String[] f) {
        switch (f[0]) {
            case "SENT" -> originals.put(f[1], new Original(Kind.valueOf(f[2]), decode(f, 3)));
            case "APPROVED" -> originals.get(f[1]).approvalCode = f[2];
            case "FOLLOW_UP" -> followUps.put(f[1] + "/" + f[2], new FollowUp(decode(f, 3)));
            case "ATTEMPT" -> followUps.get(f[1] + "/" + f[2]).attempts++;
            case "ACKNOWLEDGED" -> followUps.get(f[1] + "/" + f[2]).acknowledgedWith = f[3];
            default -> throw new IllegalStateException("unknown line in " + file + ": " + f[0]);
        }
    }

    /**
     * The originals a log holds, by idempotency key, read without opening it for writing: for an auditor (the fault
     * suite) that matches the host's books, which know RRNs, to the server's charges, which know keys.
     */
    public static Map<String, SentMessage> originalsIn(Path file, Kind kind) throws IOException {
        Map<String, SentMessage> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("SENT") && f[2].equals(kind.name())) {
                out.putIfAbsent(f[1], decode(f, 3));
            }
        }
        return out;
    }

    public synchronized Optional<Original> original(String key) {
        return Optional.ofNullable(originals.get(key));
    }

    /** Records the original under its key, unless the key already has one (which is then returned). */
    public synchronized Original recordOriginal(String key, Kind kind, SentMessage message) {
        Original existing = originals.get(key);
        if (existing != null) {
            return existing;
        }
        if (!key.matches("\\p{Graph}{1,64}")) {
            throw new IllegalArgumentException("an idempotency key is 1 to 64 visible ASCII characters");
        }
        write("SENT", key, kind.name(), encode(message));
        Original original = new Original(kind, message);
        originals.put(key, original);
        return original;
    }

    public synchronized void recordApproval(String key, String approvalCode) {
        Original original = originals.get(key);
        if (original != null && approvalCode != null && !approvalCode.equals(original.approvalCode)) {
            write("APPROVED", key, approvalCode);
            original.approvalCode = approvalCode;
        }
    }

    public synchronized Optional<FollowUp> followUp(String key, FollowUpKind kind) {
        return Optional.ofNullable(followUps.get(key + "/" + kind));
    }

    /** Records the follow-up's identity, unless the key already has one of that kind (which is then returned). */
    public synchronized FollowUp recordFollowUp(String key, FollowUpKind kind, SentMessage message) {
        FollowUp existing = followUps.get(key + "/" + kind);
        if (existing != null) {
            return existing;
        }
        write("FOLLOW_UP", key, kind.name(), encode(message));
        FollowUp followUp = new FollowUp(message);
        followUps.put(key + "/" + kind, followUp);
        return followUp;
    }

    /** Counts one more sending; returns how many went before it (0: send the first MTI, else the repeat). */
    public synchronized int recordAttempt(String key, FollowUpKind kind) {
        FollowUp followUp = followUps.get(key + "/" + kind);
        write("ATTEMPT", key, kind.name());
        synchronized (followUp) {
            return followUp.attempts++;
        }
    }

    public synchronized void recordAcknowledgement(String key, FollowUpKind kind, String field39) {
        FollowUp followUp = followUps.get(key + "/" + kind);
        write("ACKNOWLEDGED", key, kind.name(), field39);
        synchronized (followUp) {
            followUp.acknowledgedWith = field39;
        }
    }

    private static String encode(SentMessage m) {
        return String.join("\t", m.mti(), m.stan(), m.rrn(), m.transmissionDateTime(), m.localDate(), m.localTime(),
                Long.toString(m.amount()), m.currency());
    }

    private static SentMessage decode(String[] f, int from) {
        return new SentMessage(f[from], f[from + 1], f[from + 2], f[from + 3], f[from + 4], f[from + 5],
                Long.parseLong(f[from + 6]), f[from + 7]);
    }

    private void write(String... fields) {
        try {
            ByteBuffer line = ByteBuffer.wrap((String.join("\t", fields) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                out.write(line);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ISO 8583 transaction log " + file, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
