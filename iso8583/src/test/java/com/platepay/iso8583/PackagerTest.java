package com.platepay.iso8583;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every message the adapter builds packs with the field set and reads back field by field. */
class PackagerTest {
    private static final ISOPackager PACKAGER = Iso87Packager.create();
    private static final Terminal TERMINAL = new Terminal("PLATE001", "station-1", "123456", ZoneId.of("Asia/Shanghai"));
    private static final CardData CARD = new CardData("6222020000012345674", 12, 2031);

    @TempDir
    Path dir;

    private AcquirerMessages messages() throws Exception {
        return new AcquirerMessages(TERMINAL, StanSequence.open(dir.resolve("stan")),
                Clock.fixed(Instant.parse("2026-12-01T16:30:05Z"), ZoneOffset.UTC));
    }

    private static ISOMsg roundTrip(ISOMsg m) throws Exception {
        m.setPackager(PACKAGER);
        ISOMsg back = new ISOMsg();
        back.setPackager(PACKAGER);
        back.unpack(m.pack());
        return back;
    }

    @Test
    void aPurchaseCarriesTheFieldsTheReadmeLists() throws Exception {
        AcquirerMessages messages = messages();
        SentMessage id = messages.identity(Mti.FINANCIAL, 12_850, "CNY");
        ISOMsg back = roundTrip(messages.purchase(id, CARD));

        assertEquals("0200", back.getMTI());
        assertEquals("6222020000012345674", back.getString(Fields.PAN));
        assertEquals("000000012850", back.getString(Fields.AMOUNT));
        assertEquals("1201163005", back.getString(Fields.TRANSMISSION_DATE_TIME), "field 7 is UTC");
        assertEquals("000001", back.getString(Fields.STAN));
        assertEquals("1202", back.getString(Fields.LOCAL_DATE), "field 13 is the terminal's date (already 2 December in Shanghai)");
        assertEquals("003005", back.getString(Fields.LOCAL_TIME));
        assertEquals("3112", back.getString(Fields.EXPIRY));
        assertEquals("633600000001", back.getString(Fields.RRN), "YDDDhh + STAN in the terminal's zone");
        assertEquals("PLATE001", back.getString(Fields.TERMINAL_ID));
        assertEquals("station-1      ", back.getString(Fields.MERCHANT_ID));
        assertEquals("123456", back.getString(Fields.ACQUIRER_ID));
        assertEquals("156", back.getString(Fields.CURRENCY));
        assertEquals("102", back.getString(Fields.POS_ENTRY_MODE));
    }

    @Test
    void aReversalAdvicePointsBackWithField90() throws Exception {
        AcquirerMessages messages = messages();
        SentMessage purchase = messages.identity(Mti.FINANCIAL, 500, "CNY");
        SentMessage advice = messages.identity(Mti.REVERSAL_ADVICE, 500, "CNY");
        ISOMsg back = roundTrip(messages.reversal(AcquirerMessages.repeat(advice, Mti.REVERSAL_ADVICE_REPEAT), purchase));

        assertEquals("0421", back.getMTI());
        assertEquals(advice.stan(), back.getString(Fields.STAN), "a repeat keeps its STAN");
        assertEquals(purchase.rrn(), back.getString(Fields.RRN), "field 37 names the original");
        OriginalData original = OriginalData.parse(back.getString(Fields.ORIGINAL_DATA));
        assertEquals(new OriginalData("0200", purchase.stan(), purchase.transmissionDateTime(), "123456"), original);
        assertTrue(!back.hasField(Fields.PAN), "follow-ups carry no card number");
    }

    @Test
    void holdsCompletionsAndEchoesPack() throws Exception {
        AcquirerMessages messages = messages();
        SentMessage hold = messages.identity(Mti.AUTHORIZATION, 10_000, "CNY");
        assertEquals("06", roundTrip(messages.authorization(hold, CARD, false)).getString(Fields.POS_CONDITION));
        assertEquals("51", roundTrip(messages.authorization(hold, CARD, true)).getString(Fields.POS_CONDITION));
        ISOMsg completion = roundTrip(messages.completion(messages.identity(Mti.COMPLETION_ADVICE, 7_000, "CNY"), hold, "123456"));
        assertEquals("0220", completion.getMTI());
        assertEquals("000000007000", completion.getString(Fields.AMOUNT));
        assertEquals("123456", completion.getString(Fields.APPROVAL_CODE));
        ISOMsg echo = roundTrip(messages.echo(messages.identity(Mti.NETWORK, 0, "CNY")));
        assertEquals("0800", echo.getMTI());
        assertEquals("301", echo.getString(Fields.NETWORK_CODE));
    }

    @Test
    void aCardPrintsMasked() {
        assertEquals("CardData[622202******5674, 3112]", CARD.toString());
    }
}
