package com.platepay.banksim.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tiny load loop against a running simulator, for before/after figures (not a test):
 * {@code java bank-simulator/src/test/java/com/platepay/banksim/load/DebitLoad.java http://127.0.0.1:8089 8 10}
 * opens one account, then THREADS keep-alive clients send debits of 1 fen for SECONDS and it prints debits/s and
 * latency percentiles.
 */
public final class DebitLoad {
    private static final String PAN = "6222020000012345674";

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8089";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        post(client, base + "/v1/accounts", null, """
                {"pan":"%s","holderName":"Load","cardType":"DEBIT","bankName":"ICBC","expiryMonth":12,"expiryYear":2039,
                 "balance":900000000000,"currency":"CNY"}""".formatted(PAN));

        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] samples = new long[2_000_000];
            perThread.add(samples);
            Thread worker = new Thread(() -> {
                int n = 0;
                while (running.get() && n < samples.length) {
                    String key = UUID.randomUUID().toString();
                    long start = System.nanoTime();
                    int status = post(client, base + "/v1/debits", key, """
                            {"pan":"%s","expiryMonth":12,"expiryYear":2039,"amount":1,"currency":"CNY",
                             "merchantId":"load","reference":"%s"}""".formatted(PAN, key));
                    if (status != 200) {
                        throw new IllegalStateException("debit answered " + status);
                    }
                    samples[n++] = System.nanoTime() - start;
                }
                samples[samples.length - 1] = n;
            });
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = perThread.stream()
                .flatMapToLong(s -> Arrays.stream(s, 0, (int) s[s.length - 1]))
                .sorted().toArray();
        System.out.printf("%d threads, %d s: %d debits, %.0f debits/s, latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                threads, seconds, all.length, all.length / (double) seconds, ms(all, 0.50), ms(all, 0.99),
                all[all.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    private static int post(HttpClient client, String url, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
