package nl.wijkzaken.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Real HTTP against the running application as one demo user (HTTP Basic, password {@code demo}) or as nobody.
 * Every answer comes back as a {@link Reply}, whatever its status: tests assert on refusals as much as on success.
 */
public final class StaffApi {

    public static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient client;
    private final String user;

    private StaffApi(int port, String user, String password) {
        this.user = user;
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { });
        if (user != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        this.client = builder.build();
    }

    /** As a demo user with the demo password. */
    public static StaffApi as(String user, int port) {
        return new StaffApi(port, user, PASSWORD);
    }

    /** Without credentials. */
    public static StaffApi anonymous(int port) {
        return new StaffApi(port, null, null);
    }

    /** With explicit credentials, e.g. a wrong password (only for users no other test needs: the engine delays them). */
    public static StaffApi withPassword(String user, String password, int port) {
        return new StaffApi(port, user, password);
    }

    public String user() {
        return user;
    }

    public Reply get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    public Reply post(String path, Object json) {
        return exchange(HttpMethod.POST, path, json == null ? Map.of() : json);
    }

    public Reply put(String path, Object json) {
        return exchange(HttpMethod.PUT, path, json == null ? Map.of() : json);
    }

    public Reply delete(String path) {
        return exchange(HttpMethod.DELETE, path, null);
    }

    /** {@code POST /engine-rest/deployment/create} with one model file. */
    public Reply deploy(String name, String fileName, String content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", name);
        body.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return client.post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8), response.getHeaders()));
    }

    private Reply exchange(HttpMethod method, String path, Object json) {
        RestClient.RequestBodySpec spec = client.method(method).uri(path).accept(MediaType.APPLICATION_JSON, MediaType.ALL);
        if (json != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return spec.exchange((request, response) -> new Reply(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8), response.getHeaders()));
    }

    /** Camunda REST's variable map: {@code {"name": {"value": ...}}}. */
    public static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
        }
        return Map.of("variables", variables);
    }

    public record Reply(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        /** The {@code message} of a Camunda REST error, or the {@code detail} of a problem+json answer. */
        public String message() {
            JsonNode json = json();
            return json.hasNonNull("message") ? json.get("message").asText() : json.path("detail").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
