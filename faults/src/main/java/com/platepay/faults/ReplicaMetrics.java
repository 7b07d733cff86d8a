package com.platepay.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What one server replica says it did, from its own {@code /q/metrics}: the charges it took to a status the device
 * is told ({@code platepay_charges_total}, summed over status and reason). This is how the suite sees the load split.
 */
final class ReplicaMetrics {
    private static final String COUNTER = "platepay_charges_total{";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ReplicaMetrics() {
    }

    static long chargesAnswered(int httpPort) throws IOException {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<String> answer = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("/q/metrics answered " + answer.statusCode());
            }
            return parse(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static long parse(String prometheusText) {
        double sum = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith(COUNTER)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(sum);
    }
}
