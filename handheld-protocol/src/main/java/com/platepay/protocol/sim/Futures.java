package com.platepay.protocol.sim;

import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

final class Futures {
    private Futures() {
    }

    /** The future failed, timed out or the wait was interrupted; getCause() is the root reason. */
    static final class Failure extends Exception {
        Failure(Throwable cause) {
            super(cause);
        }
    }

    static <T> T await(CompletableFuture<T> f, Duration timeout) throws Failure {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Failure(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(e);
        }
    }

    static DeviceLink.LinkException linkFailure(String what, Failure f) {
        Throwable c = f.getCause();
        String why;
        if (c instanceof TimeoutException) {
            why = "no answer from the broker in time";
        } else if (c instanceof InterruptedException) {
            why = "interrupted";
        } else {
            Throwable root = c;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (c.getCause() instanceof javax.net.ssl.SSLHandshakeException) {
                why = "the broker's TLS certificate was not accepted (" + message(root) + "): the device checks it against its CA"
                        + " (caFile in the device file, or --ca) and the host name it connects to";
            } else if (root instanceof ConnectException || c instanceof ConnectionFailedException) {
                why = "the broker cannot be reached (" + message(root) + ")";
            } else {
                why = message(root);
            }
        }
        return new DeviceLink.LinkException(what + ": " + why, c);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
