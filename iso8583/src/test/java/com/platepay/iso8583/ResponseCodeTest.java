package com.platepay.iso8583;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResponseCodeTest {

    @Test
    void eachIsoCodeAndEachDeclineCodeAppearsOnce() {
        assertEquals(ResponseCode.values().length, Arrays.stream(ResponseCode.values()).map(ResponseCode::iso).distinct().count());
        assertEquals(ResponseCode.values().length - 1,
                Arrays.stream(ResponseCode.values()).map(ResponseCode::declineCode).filter(c -> c != null).distinct().count());
        assertNull(ResponseCode.APPROVED.declineCode());
    }

    @Test
    void theCodesTheServerTurnsIntoReasonsAreTheHttpBanksCodes() {
        // server's charging.BankDeclines maps these three; the rest become CARD_DECLINED there.
        Set<String> declineCodes = Arrays.stream(ResponseCode.values()).map(ResponseCode::declineCode).collect(Collectors.toSet());
        assertTrue(declineCodes.containsAll(Set.of("INSUFFICIENT_FUNDS", "EXPIRED_CARD", "CURRENCY_MISMATCH")));
        assertTrue(declineCodes.containsAll(Set.of("CARD_NOT_FOUND", "NOT_DEBIT_CARD", "REVERSED_BEFORE_AUTHORISATION")),
                "and the HTTP bank's other decline codes");
    }

    @Test
    void aCodeOutsideTheTableIsStillADecline() {
        assertEquals("DECLINED_N7", ResponseCode.declineCodeOf("N7"));
        assertEquals("INSUFFICIENT_FUNDS", ResponseCode.declineCodeOf("51"));
    }

    @Test
    void requestTypesIgnoreTheRepeatFlagAndTheResponse() {
        assertEquals("0420", Mti.requestOf("0421"));
        assertEquals("0420", Mti.requestOf("0430"));
        assertEquals("0100", Mti.requestOf("0110"));
    }
}
