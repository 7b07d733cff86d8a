package com.platepay.iso8583;

import org.jpos.iso.ISOMsg;

/**
 * The MAC extension point (fields 64 and 128). A real acquirer issues MAC keys (usually under a zone master key
 * exchanged by 0800 key-change messages) and names the algorithm (ANSI X9.19 or ISO 9797-1 alg. 3); an
 * implementation then fills field 64 before a message is sent and checks it on every answer. The simulated host
 * uses no MAC, so {@link #NONE} is the only implementation here.
 */
public interface MessageAuthenticator {
    MessageAuthenticator NONE = new MessageAuthenticator() {
        @Override
        public void sign(ISOMsg message) {
        }

        @Override
        public boolean verify(ISOMsg message) {
            return true;
        }
    };

    void sign(ISOMsg message);

    /** False drops the answer as if it never came (the request then has no answer). */
    boolean verify(ISOMsg message);
}
