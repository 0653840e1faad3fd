package nl.wijkzaken.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser-like session with the Camunda webapps under /camunda: session cookie, the webapps' own CSRF token
 * (cookie {@code XSRF-TOKEN}, sent back as header {@code X-XSRF-TOKEN}) and their login per application.
 * Cookies are kept by hand: java.net's cookie manager does not send them to "localhost".
 */
public final class WebappSession {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public WebappSession(int port) {
        this.base = "http://localhost:" + port + "/camunda";
    }

    /** Opens Tasklist's page, as a browser does first: gives the session and the CSRF token. */
    public HttpResponse<String> open() {
        return send(HttpRequest.newBuilder(URI.create(base + "/app/tasklist/default/")).GET(), false);
    }

    public String csrfToken() {
        return cookies.get("XSRF-TOKEN");
    }

    /**
     * {@code POST /api/admin/auth/user/default/login/<app>}: 200, or 403 when the user may not use the app. A login
     * starts a new session, which gets its own CSRF token with the next page, as in a browser.
     */
    public HttpResponse<String> login(String user, String app, boolean withCsrfToken) {
        return login(user, StaffApi.PASSWORD, app, withCsrfToken);
    }

    /** The login with another password, e.g. a wrong one: 401. */
    public HttpResponse<String> login(String user, String password, String app, boolean withCsrfToken) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), withCsrfToken);
        if (response.statusCode() == 200) {
            open();
        }
        return response;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    public HttpResponse<String> postJson(String path, String json, boolean withCsrfToken) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), withCsrfToken);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean withCsrfToken) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (withCsrfToken && csrfToken() != null) {
            request.header("X-XSRF-TOKEN", csrfToken());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(header -> {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            });
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
