package com.platepay.edge.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.ProtocolCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    private static ObjectNode read(String plate) {
        return ProtocolCodec.mapper().createObjectNode().put("plate", plate);
    }

    @Test
    void keepsWhatIsNotAcknowledgedAcrossARestartInSequenceOrder() throws Exception {
        Path file = dir.resolve("journal.log");
        long a;
        long b;
        long c;
        try (Journal j = Journal.open(file)) {
            a = j.append(read("黑E00001"));
            b = j.append(read("黑E00002"));
            c = j.append(read("黑E00003"));
            j.ack(b);
        }
        assertTrue(a < b && b < c);
        try (Journal j = Journal.open(file)) {
            assertEquals(List.of(a, c), j.pending().stream().map(Journal.Entry::seq).toList());
            assertEquals("黑E00003", j.pending().get(1).body().path("plate").asText());
            assertTrue(j.append(read("黑E00004")) > c, "sequence numbers keep growing after a restart");
        }
    }

    @Test
    void aLineCutShortByAPowerCutIsDropped() throws Exception {
        Path file = dir.resolve("journal.log");
        long a;
        try (Journal j = Journal.open(file)) {
            a = j.append(read("黑E00001"));
        }
        Files.writeString(file, "R 99999999999999 eyJwbGF0", StandardOpenOption.APPEND);
        try (Journal j = Journal.open(file)) {
            assertEquals(List.of(a), j.pending().stream().map(Journal.Entry::seq).toList());
        }
    }

    /**
     * A box killed with SIGKILL at any moment between writing a read and sending it: every read it had reported
     * as written is still there after a restart, once, and nothing else is.
     */
    @Test
    void aBoxKilledWithSigkillLosesAndDoublesNothing() throws Exception {
        Path file = dir.resolve("journal.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalWriter.class.getName(), file.toString())
                .redirectErrorStream(false).start();
        List<Long> written = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && written.size() < 40) {
                written.add(Long.parseLong(line.trim()));
            }
            child.destroyForcibly();   // SIGKILL on Linux: no shutdown hooks, no flush
            child.waitFor();
        }
        try (Journal j = Journal.open(file)) {
            List<Long> pending = j.pending().stream().map(Journal.Entry::seq).toList();
            assertTrue(pending.containsAll(written), "every read reported as written is still there");
            assertEquals(pending.stream().distinct().count(), pending.size(), "no read twice");
            for (int i = 1; i < pending.size(); i++) {
                assertTrue(pending.get(i) > pending.get(i - 1));
            }
        }
    }

    /** The child: writes reads as fast as it can and reports each sequence number once it is on the disk. */
    public static final class JournalWriter {
        public static void main(String[] args) throws Exception {
            try (Journal j = Journal.open(Path.of(args[0]))) {
                for (int i = 0; ; i++) {
                    long seq = j.append(read("黑E" + String.format("%05d", i % 100000)));
                    System.out.println(seq);
                    System.out.flush();
                }
            }
        }
    }
}
