package com.platepay.iso8583;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.platepay.iso8583.TransactionLog.FollowUpKind;
import com.platepay.iso8583.TransactionLog.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionLogTest {
    private static final SentMessage PURCHASE = new SentMessage("0200", "000007", "633600000007", "1201163005", "1202",
            "003005", 12_850, "CNY");
    private static final SentMessage ADVICE = new SentMessage("0420", "000008", "633600000008", "1201163010", "1202",
            "003010", 12_850, "CNY");

    @Test
    void originalsAndFollowUpsComeBackAfterARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("transactions.log");
        try (TransactionLog log = TransactionLog.open(file)) {
            log.recordOriginal("chg-1", Kind.PURCHASE, PURCHASE);
            log.recordFollowUp("chg-1", FollowUpKind.REVERSAL, ADVICE);
            assertEquals(0, log.recordAttempt("chg-1", FollowUpKind.REVERSAL));
        }
        try (TransactionLog log = TransactionLog.open(file)) {
            assertEquals(PURCHASE, log.original("chg-1").orElseThrow().message());
            assertEquals(1, log.followUp("chg-1", FollowUpKind.REVERSAL).orElseThrow().attempts(), "the next one is a repeat");
            log.recordAcknowledgement("chg-1", FollowUpKind.REVERSAL, "00");
            assertEquals(PURCHASE, log.recordOriginal("chg-1", Kind.PURCHASE, ADVICE).message(), "the first identity stays");
        }
        try (TransactionLog log = TransactionLog.open(file)) {
            assertEquals("00", log.followUp("chg-1", FollowUpKind.REVERSAL).orElseThrow().acknowledgedWith());
        }
        assertFalse(Files.readString(file).contains("6222"), "no card numbers in the log");
    }

    @Test
    void anAuditorReadsTheOriginalsOfOneKindWhileTheLogIsOpen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("transactions.log");
        SentMessage hold = new SentMessage("0100", "000009", "633600000009", "1201163020", "1202", "003020", 30_000, "CNY");
        try (TransactionLog log = TransactionLog.open(file)) {
            log.recordOriginal("chg-1", Kind.PURCHASE, PURCHASE);
            log.recordFollowUp("chg-1", FollowUpKind.REVERSAL, ADVICE);
            log.recordOriginal("hold-1", Kind.HOLD, hold);
            assertEquals(java.util.Map.of("chg-1", PURCHASE), TransactionLog.originalsIn(file, Kind.PURCHASE));
            assertEquals(java.util.Map.of("hold-1", hold), TransactionLog.originalsIn(file, Kind.HOLD));
        }
    }

    @Test
    void keysThatWouldBreakALineAreRefused(@TempDir Path dir) throws Exception {
        try (TransactionLog log = TransactionLog.open(dir.resolve("transactions.log"))) {
            assertThrows(IllegalArgumentException.class, () -> log.recordOriginal("a\tb", Kind.PURCHASE, PURCHASE));
        }
    }
}
