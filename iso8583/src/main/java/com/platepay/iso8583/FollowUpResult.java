package com.platepay.iso8583;

/**
 * How a reversal, void or completion ended: the host acknowledged it (field39 says how), there was no original
 * to point back at (nothing was ever sent under the key), or no acknowledgement came yet (ask again later: the
 * next try is sent as a repeat).
 */
public record FollowUpResult(Status status, String field39) {
    public enum Status { ACKNOWLEDGED, NO_ORIGINAL, NO_ANSWER }

    public static FollowUpResult acknowledged(String field39) {
        return new FollowUpResult(Status.ACKNOWLEDGED, field39);
    }

    public static final FollowUpResult NO_ORIGINAL = new FollowUpResult(Status.NO_ORIGINAL, null);
    public static final FollowUpResult NO_ANSWER = new FollowUpResult(Status.NO_ANSWER, null);

    public boolean acknowledgedWith(ResponseCode code) {
        return status == Status.ACKNOWLEDGED && code.iso().equals(field39);
    }
}
