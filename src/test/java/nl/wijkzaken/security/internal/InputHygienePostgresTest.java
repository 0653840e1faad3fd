package nl.wijkzaken.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import nl.wijkzaken.support.PostgresTestDatabase;
import nl.wijkzaken.support.RequiresPostgres;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StandaloneApplication;

/**
 * Finding 7 where it happened: on PostgreSQL a description of 4001-5000 characters and a NUL in any text field
 * answered 500/503 (varchar(4000); PostgreSQL cannot store NUL). Now every one is a Dutch 400 and nothing 5xx.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputHygienePostgresTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    ConfigurableApplicationContext app;
    int port;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        String url = PostgresTestDatabase.createEmptyDatabase("hygiene");
        app = StandaloneApplication.start("postgres,demo", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password());
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    static Map<String, Object> validRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("applicantName", "Fatima el Amrani");
        request.put("applicantEmail", "fatima@example.org");
        request.put("applicantPhone", "06 12345678");
        request.put("onBehalfOfGroup", "Bewonersgroep Kerkweg");
        request.put("neighbourhood", "breukelen");
        request.put("category", "spelen-en-sport");
        request.put("title", "Nieuwe glijbaan speeltuin Kerkweg");
        request.put("description", "De glijbaan is kapot.");
        request.put("amountRequested", 2500.50);
        request.put("urgency", "normaal");
        request.put("carriedOutBy", "bewoners");
        request.put("location", "Kerkweg, Breukelen");
        request.put("postalStreet", "Kerkweg");
        request.put("postalHouseNumber", "12a");
        request.put("postalCode", "3621 AB");
        request.put("postalPlace", "Breukelen");
        return request;
    }

    HttpResponse<String> postApi(Map<String, Object> request) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiTakesADescriptionOfTheColumnsLengthAndRefusesOneMore() throws Exception {
        Map<String, Object> longest = validRequest();
        longest.put("description", "d".repeat(4000));
        Map<String, Object> tooLong = validRequest();
        tooLong.put("description", "d".repeat(4001));

        assertThat(postApi(longest).statusCode()).isEqualTo(201);
        HttpResponse<String> refused = postApi(tooLong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("De beschrijving mag hoogstens 4000 tekens lang zijn.");
    }

    @Test
    void theApiRefusesANulInEveryTextFieldWithAFieldError() throws Exception {
        for (String field : List.of("applicantName", "applicantEmail", "applicantPhone", "onBehalfOfGroup",
                "neighbourhood", "category", "title", "description", "urgency", "location")) {
            Map<String, Object> request = validRequest();
            request.put(field, request.get(field) + "\u0000");

            HttpResponse<String> response = postApi(request);

            assertThat(response.statusCode()).as(field + ": " + response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("errors").get(0).path("field").asText()).isEqualTo(field);
        }
    }

    @Test
    void thePublicFormRefusesANulInEveryFieldNextToTheField() throws Exception {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("applicantName", "Piet Jansen");
        valid.put("applicantEmail", "piet@example.org");
        valid.put("applicantPhone", "0346 123456");
        valid.put("onBehalfOfGroup", "Dorpsplein");
        valid.put("neighbourhood", "loenen");
        valid.put("category", "groen-en-openbare-ruimte");
        valid.put("title", "Bloembakken op het dorpsplein");
        valid.put("description", "Wij willen met de buren bloembakken neerzetten.");
        valid.put("amountRequested", "750,50");
        valid.put("urgency", "normaal");
        valid.put("carriedOutBy", "bewoners");
        valid.put("location", "Dorpsplein");
        valid.put("postalStreet", "Dorpsplein");
        valid.put("postalHouseNumber", "3");
        valid.put("postalCode", "3632 AA");
        valid.put("postalPlace", "Loenen aan de Vecht");
        for (String field : valid.keySet()) {
            Map<String, String> form = new LinkedHashMap<>(valid);
            form.put(field, form.get(field) + "\u0000");

            HttpResponse<String> response = postForm(form);

            assertThat(response.statusCode()).as(field).isEqualTo(400);
            assertThat(response.body()).as(field).contains("id=\"" + field + "-error\"");
        }
    }

    @Test
    void theEngineRestApiAndTheBudgetApiRefuseANul() throws Exception {
        String processInstanceId = app.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("resident-request").listPage(0, 1).stream().findFirst()
                .map(instance -> instance.getId()).orElseGet(() -> {
                    try {
                        postApi(validRequest());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return app.getBean(RuntimeService.class).createProcessInstanceQuery()
                            .processDefinitionKey("resident-request").listPage(0, 1).get(0).getId();
                });

        StaffApi.Reply variable = StaffApi.as("demo", port).put(
                "/engine-rest/process-instance/" + processInstanceId + "/variables/note",
                "{\"value\":\"a\\u0000b\",\"type\":\"String\"}");
        HttpResponse<String> query = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/process-instance?businessKeyLike=%00"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        StaffApi.Reply reason = StaffApi.as("gebiedsmanager", port).post("/api/budgets",
                "{\"neighbourhood\":\"loenen\",\"year\":2071,\"amount\":1000,\"reason\":\"Begroting\\u0000\"}");

        assertThat(variable.status()).as(variable.toString()).isEqualTo(400);
        assertThat(variable.message()).contains("onzichtbaar stuurteken");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(reason.status()).isEqualTo(400);
    }

    HttpResponse<String> postForm(Map<String, String> fields) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        String body = form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
