package com.platepay.fuzz;

import com.platepay.protocol.sim.BrokerUrl;
import com.platepay.protocol.sim.DeviceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./platepay faults fuzz}: fuzzes the running demo over MQTT (as its handheld) and REST (with real tokens of
 * each role), prints the counts and exits 1 when a pass condition failed.
 */
public final class FuzzCli {
    private static final String USAGE = """
            Usage: ./platepay faults fuzz [--count N] [--seed S] [--rest-bodies N] [--no-rest] [--no-mqtt]
                                          [--device-file F] [--api URL] [--bank URL] [--pan PAN] [--plate P]

            Sends N generated device messages (default 100000) as the demo's handheld: malformed, truncated,
            oversized, invalid UTF-8, duplicate keys, wrong types and boundary numbers, bad and re-signed signatures,
            replays, wrong topics and devices, every field mutated one at a time. Then sends --rest-bodies (default 40)
            generated bodies to every operation of /q/openapi with a real token of its role (./platepay token).
            Same --seed, same messages. Prints counts by answer and HTTP status.
            Fails (exit 1) when a message got no coded answer and the broker did not refuse it, money moved for a
            message the contract schema refuses or twice for one chargeId (checked at the bank), a result stated an
            amount the device did not send, or a REST call got a 5xx.

              --device-file F  default .platepay/demo/handheld.json
              --api URL        default http://127.0.0.1:8080
              --bank URL       default http://127.0.0.1:8089
              --pan PAN        the demo driver's card (to find its bank account), default 6222020000012345674
              --plate P        the plate enrolled with it, default 黑E12345
            """;

    private FuzzCli() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>(Map.of("count", "100000", "seed", "1", "rest-bodies", "40",
                "api", "http://127.0.0.1:8080", "bank", "http://127.0.0.1:8089", "pan", "6222020000012345674", "plate", "黑E12345"));
        String home = System.getenv().getOrDefault("PLATEPAY_HOME", ".");
        o.put("device-file", home + "/.platepay/demo/handheld.json");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.print(USAGE);
                return;
            } else if (a.equals("--no-rest") || a.equals("--no-mqtt")) {
                o.put(a.substring(2), "yes");
            } else if (a.startsWith("--") && i + 1 < args.length && o.containsKey(a.substring(2))) {
                o.put(a.substring(2), args[++i]);
            } else {
                System.err.print("fuzz: unknown option " + a + "\n" + USAGE);
                System.exit(2);
            }
        }
        int count = Integer.parseInt(o.get("count"));
        long seed = Long.parseLong(o.get("seed"));
        MessageFuzz.Result mqtt = null;
        RestFuzzer.Report rest = null;
        System.out.printf("fuzz: seed %d, %d messages, %d cores%n", seed, count, Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        if (!o.containsKey("no-mqtt")) {
            DeviceConfig d = DeviceConfig.read(Path.of(o.get("device-file")));
            // As the handheld simulator reads it: over TLS with the device file's CA (the demo's default).
            Path deviceFile = Path.of(o.get("device-file")).toAbsolutePath();
            BrokerUrl broker = d.brokerUrl("mqtts://127.0.0.1:8883", deviceFile.getParent());
            DeviceUnderTest device = DeviceUnderTest.of(d.deviceId(), d.siteId(), d.mqttPassword(), d.privateKey(),
                    d.serverPublicKey(), o.get("plate"));
            BankDebits bank = new BankDebits(o.get("bank"));
            mqtt = MessageFuzz.run(new MessageFuzz.Target(device, broker, bank, bank.accountOf(o.get("pan"))),
                    seed, count, System.out::println);
            System.out.printf("fuzz: messages done in %.0f s%n", (System.nanoTime() - started) / 1e9);
        }
        if (!o.containsKey("no-rest")) {
            TokenCommand tokens = new TokenCommand(Path.of(home, "deploy", "local", "token.sh"));
            rest = new RestFuzzer(o.get("api"), tokens::token, seed).run(Integer.parseInt(o.get("rest-bodies")));
        }
        FuzzReport.print(System.out, mqtt, rest, 40);
        boolean passed = (mqtt == null || mqtt.passed()) && (rest == null || rest.failures().isEmpty());
        System.out.printf("%nfuzz: %s after %.0f s%n", passed ? "PASSED" : "FAILED", (System.nanoTime() - started) / 1e9);
        System.exit(passed ? 0 : 1);
    }

    /** Tokens from {@code ./platepay token ROLE} (the demo users are named after their roles), reused for a minute. */
    static final class TokenCommand {
        private final Path script;
        private final Map<String, Map.Entry<String, Instant>> cache = new ConcurrentHashMap<>();

        TokenCommand(Path script) {
            this.script = script;
        }

        String token(String role) {
            Map.Entry<String, Instant> cached = cache.get(role);
            if (cached != null && cached.getValue().plus(Duration.ofSeconds(60)).isAfter(Instant.now())) {
                return cached.getKey();
            }
            try {
                Process p = new ProcessBuilder(script.toString(), role).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String token = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || token.isEmpty()) {
                    throw new IllegalStateException("./platepay token " + role + " failed");
                }
                cache.put(role, Map.entry(token, Instant.now()));
                return token;
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
