package com.platepay.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Free local ports, and waiting for one to listen. */
public final class Ports {
    private Ports() {
    }

    public static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void awaitListening(int port, Duration timeout, Process process, String what) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!listening(port)) {
            if (process != null && !process.isAlive()) {
                throw new IOException(what + " exited with code " + process.exitValue() + " before listening on " + port);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(what + " did not listen on " + port + " within " + timeout.toSeconds() + " s");
            }
            Sleep.millis(50);
        }
    }
}
