package com.platepay.edge.lane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A sketch of a relay driver through Linux sysfs GPIO: the barrier controller's "open" input is a dry contact
 * closed for a pulse. Untested on hardware; the pin must be exported and set to "out" beforehand
 * ({@code echo N > /sys/class/gpio/export; echo out > /sys/class/gpio/gpioN/direction}). The screen is out of
 * scope here (lane screens speak vendor protocols over RS-485), so text goes to the log.
 */
public final class GpioBarrier implements Barrier {

    private final Path value;
    private final Duration pulse;
    private volatile State state = State.CLOSED;

    public GpioBarrier(int pin, Duration pulse) {
        this.value = Path.of("/sys/class/gpio/gpio" + pin + "/value");
        this.pulse = pulse;
    }

    @Override
    public void open() {
        try {
            Files.writeString(value, "1");
            Thread.sleep(pulse.toMillis());
            Files.writeString(value, "0");
            state = State.OPEN;
        } catch (IOException e) {
            throw new UncheckedIOException("could not pulse the barrier relay at " + value, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void display(String text) {
        System.err.println("screen: " + text);
    }

    @Override
    public State state() {
        return state;
    }
}
