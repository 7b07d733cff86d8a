package com.platepay.iso8583;

import java.io.IOException;

/** The link to the acquirer is not up, or went down before the answer came. */
public class LinkDownException extends IOException {
    public LinkDownException(String message) {
        super(message);
    }
}
