package com.platepay.iso8583;

/**
 * The identity of a message as sent (STAN, RRN, field 7, local date): what a duplicate carries again, and what a
 * reversal, void or completion points back to. amount in minor units, currency ISO 4217 alphabetic.
 */
public record SentMessage(String mti, String stan, String rrn, String transmissionDateTime, String localDate,
                          String localTime, long amount, String currency) {
}
