package com.platepay.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for EMQX's management API, which cannot run here: it answers a client kick ({@code DELETE
 * /api/v5/clients/{id}}) as EMQX does (204) and keeps what it was asked, which tests read back over
 * {@code GET /recorded} (the tests run in another class loader than the test resources).
 */
public final class EmqxApiRecorder implements AutoCloseable {

    public static final String KEY = "platepay-test-key";
    public static final String SECRET = "platepay-test-secret";

    private final HttpServer server;
    private final List<String> recorded = new CopyOnWriteArrayList<>();

    private EmqxApiRecorder(HttpServer server) {
        this.server = server;
    }

    public static EmqxApiRecorder start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        EmqxApiRecorder recorder = new EmqxApiRecorder(server);
        server.createContext("/api/v5/clients/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean authorised = ("Basic " + java.util.Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8)))
                    .equals(auth);
            recorder.recorded.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + (authorised ? "" : " (unauthorised)"));
            exchange.sendResponseHeaders(authorised ? 204 : 401, -1);
            exchange.close();
        });
        server.createContext("/recorded", exchange -> {
            byte[] body = String.join("\n", recorder.recorded).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return recorder;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
