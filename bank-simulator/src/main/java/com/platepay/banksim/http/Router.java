package com.platepay.banksim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.banksim.BankException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dispatches requests to handlers by method and path, writes JSON or problem+json answers,
 * and logs one line per request (PANs masked).
 */
public final class Router implements HttpHandler {

    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request) throws Exception;
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final PrintStream log;

    public Router(PrintStream log) {
        this.log = log;
    }

    /** Adds a route; {@code pathRegex} groups become path parameters (URL-decoded). */
    public Router route(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String outcome;
        try {
            outcome = String.valueOf(dispatch(exchange));
        } catch (DropConnection e) {
            outcome = "DROPPED";
        } catch (IOException e) {
            outcome = "CLIENT_GONE";
        } finally {
            exchange.close();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String line = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + exchange.getRequestMethod() + " "
                + Redact.pans(query == null ? path : path + "?" + query) + " " + outcome + " " + millis + "ms";
        synchronized (log) {
            log.println(line);
            log.flush();
        }
    }

    private int dispatch(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = route(exchange);
            if (reply.delayMs() > 0) {
                try {
                    Thread.sleep(reply.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DropConnection();
                }
            }
        } catch (DropConnection e) {
            throw e;
        } catch (BankException e) {
            reply = problem(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DropConnection();
        } catch (Exception e) {
            reply = problem(new BankException(500, "INTERNAL_ERROR", "Internal error",
                    "the bank could not process the request (" + e.getClass().getSimpleName() + ")"));
        }
        write(exchange, reply);
        return reply.status();
    }

    private Reply route(HttpExchange exchange) throws Exception {
        String rawPath = exchange.getRequestURI().getRawPath();
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.path().matcher(rawPath);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(exchange.getRequestMethod())) {
                continue;
            }
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) {
                params.add(URLDecoder.decode(m.group(i), StandardCharsets.UTF_8));
            }
            byte[] body = Request.readBody(exchange.getRequestBody());
            return route.handler().handle(new Request(exchange, params, body));
        }
        if (pathKnown) {
            throw new BankException(405, "METHOD_NOT_ALLOWED", "Method not allowed",
                    exchange.getRequestMethod() + " is not allowed here");
        }
        throw BankException.notFound("NOT_FOUND", "no such resource");
    }

    private static Reply problem(BankException e) {
        ObjectNode body = Json.object()
                .put("type", "urn:platepay:bank-simulator:problem:" + e.code())
                .put("title", e.title())
                .put("status", e.status())
                .put("detail", Redact.pans(e.detail()))
                .put("code", e.code());
        return Reply.of(e.status(), body);
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(reply.body());
        boolean problem = reply.status() >= 400;
        exchange.getResponseHeaders().set("Content-Type",
                problem ? "application/problem+json" : "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
