package nl.wijkzaken.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP/1.1 client for the benchmark: JSON in and out, HTTP Basic per request, keep-alive connections. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient client;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    record Response(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** Thrown for an unexpected status; the body says why. */
    static final class StatusException extends RuntimeException {
        final int status;
        final String body;

        StatusException(String what, int status, String body) {
            super(what + " → " + status + ": " + (body.length() > 500 ? body.substring(0, 500) : body));
            this.status = status;
            this.body = body;
        }
    }

    Response get(String path, String user, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET()
                .timeout(Duration.ofSeconds(60)).header("Accept", accept);
        return send(request, user, "GET " + path);
    }

    Response post(String path, String user, Object body, String accept, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", accept);
        headers.forEach(request::header);
        return send(request, user, "POST " + path);
    }

    /** Engine REST paths go to the benchmark's engine by its name ({@link BenchmarkApp#ENGINE}). */
    private URI uri(String path) {
        String engineRest = "/engine-rest/";
        return URI.create(baseUrl + (path.startsWith(engineRest)
                ? engineRest + "engine/" + BenchmarkApp.ENGINE + "/" + path.substring(engineRest.length()) : path));
    }

    /** Like {@link #get} and {@link #post} but fails unless the status is 2xx. */
    Response ok(Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new StatusException(what, response.status(), response.body());
        }
        return response;
    }

    private Response send(HttpRequest.Builder request, String user, String what) throws Exception {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + Organisation.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Camunda REST typed variables: {"name": {"value": ..., "type": "String"}}. */
    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        variables.forEach((name, value) -> result.put(name, Map.of("value", value, "type", type(name, value))));
        return result;
    }

    private static String type(String name, Object value) {
        if (value instanceof String) {
            return "String";
        }
        if (value instanceof Boolean) {
            return "Boolean";
        }
        if (value instanceof Integer) {
            return "Integer";
        }
        if (value instanceof Long) {
            return "Long";
        }
        if (value instanceof Double) {
            return "Double";
        }
        throw new IllegalArgumentException(name + ": " + value.getClass());
    }
}
