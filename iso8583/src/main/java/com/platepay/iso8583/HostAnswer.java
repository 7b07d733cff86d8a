package com.platepay.iso8583;

import org.jpos.iso.ISOMsg;

/** What came back for a request: the host's answer, or nothing (timed out, link down or dropped). */
public sealed interface HostAnswer {

    /** field39 as sent; approvalCode (38) and rrn (37) may be null. */
    record Answered(String field39, String approvalCode, String rrn, String additionalResponse) implements HostAnswer {
        public boolean approved() {
            return ResponseCode.APPROVED.iso().equals(field39);
        }

        public static Answered of(ISOMsg response) {
            return new Answered(response.getString(Fields.RESPONSE_CODE), response.getString(Fields.APPROVAL_CODE),
                    response.getString(Fields.RRN), response.getString(Fields.ADDITIONAL_RESPONSE));
        }
    }

    record NoAnswer(String why) implements HostAnswer {
    }
}
