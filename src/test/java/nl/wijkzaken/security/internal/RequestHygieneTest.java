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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.WebappSession;

/**
 * Findings 7 and 14 at the boundaries every endpoint shares: NUL characters, ambiguous JSON and oversized forms are
 * refused with a Dutch 400/413 before anything is stored, on the engine REST API, Tasklist's copy of it, our own
 * API and the public form. (The PostgreSQL side of NUL: InputHygienePostgresTest.)
 */
@ApplicationTest
class RequestHygieneTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    final HttpClient client = HttpClient.newHttpClient();

    StaffApi demo() {
        return StaffApi.as("demo", port);
    }

    boolean taskExists(String id) {
        return taskService.createTaskQuery().taskId(id).count() > 0;
    }

    @Test
    void theEngineRestApiRefusesANulInTheBodyOrTheQueryInDutch() throws Exception {
        StaffApi.Reply escaped = demo().post("/engine-rest/task/create", "{\"id\":\"hygiene-nul\",\"name\":\"a\\u0000b\"}");
        HttpResponse<String> query = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/task?nameLike=%00"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(escaped.status()).isEqualTo(400);
        assertThat(escaped.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(escaped.message()).contains("onzichtbaar stuurteken (NUL)");
        assertThat(taskExists("hygiene-nul")).isFalse();
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.body()).contains("onzichtbaar stuurteken");
        // The text "\u0000" (an escaped backslash) is harmless and passes.
        assertThat(demo().post("/engine-rest/task/create", "{\"id\":\"hygiene-text\",\"name\":\"a\\\\u0000b\"}").status())
                .isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId("hygiene-text").singleResult().getName()).isEqualTo("a\\u0000b");
    }

    @Test
    void tasklistsCopyOfTheApiRefusesANulToo() {
        WebappSession tasklist = new WebappSession(port);
        tasklist.open();
        assertThat(tasklist.login("demo", "tasklist", true).statusCode()).isEqualTo(200);

        HttpResponse<String> response = tasklist.postJson("/api/engine/engine/default/task/create",
                "{\"id\":\"hygiene-tasklist\",\"name\":\"a\\u0000b\"}", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("onzichtbaar stuurteken");
        assertThat(taskExists("hygiene-tasklist")).isFalse();
    }

    @Test
    void jsonWithTrailingContentOrADuplicateKeyIsRefusedInDutch() {
        StaffApi.Reply trailing = demo().post("/engine-rest/task/create",
                "{\"id\":\"hygiene-first\"}{\"id\":\"hygiene-second\"}");
        StaffApi.Reply garbage = demo().post("/engine-rest/task/create", "{\"id\":\"hygiene-garbage\"} ]]");
        StaffApi.Reply duplicate = demo().post("/engine-rest/task/create",
                "{\"id\":\"hygiene-twice\",\"name\":\"Bankje\",\"name\":\"Schommel\"}");

        assertThat(trailing.status()).isEqualTo(400);
        assertThat(trailing.message()).isEqualTo("Het verzoek bevat na de JSON-waarde nog meer tekst. Stuur precies één JSON-waarde.");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.message()).isEqualTo("Het verzoek bevat een veld twee keer. Geef elk veld maar één keer op.");
        assertThat(taskExists("hygiene-first") || taskExists("hygiene-garbage") || taskExists("hygiene-twice")).isFalse();
    }

    @Test
    void theBudgetApiRefusesAmbiguousJsonControlCharactersAndAmountsThatAreNoEuroAmount() {
        StaffApi manager = StaffApi.as("gebiedsmanager", port);
        String budget = "{\"neighbourhood\":\"loenen\",\"year\":%d,\"amount\":%s,\"reason\":\"%s\"}";

        StaffApi.Reply trailing = manager.post("/api/budgets", budget.formatted(2061, "1000", "Begroting") + "{}");
        StaffApi.Reply duplicate = manager.post("/api/budgets",
                budget.formatted(2062, "1000", "Begroting").replace("\"amount\":1000", "\"amount\":1000,\"amount\":5"));
        StaffApi.Reply nul = manager.post("/api/budgets", budget.formatted(2063, "1000", "Begroting\\u0000"));
        StaffApi.Reply bell = manager.post("/api/budgets", budget.formatted(2064, "1000", "Begroting\\u0007"));
        StaffApi.Reply underflow = manager.post("/api/budgets", budget.formatted(2065, "1e-400", "Begroting"));
        StaffApi.Reply overflow = manager.post("/api/budgets", budget.formatted(2066, "1e400", "Begroting"));

        for (StaffApi.Reply reply : new StaffApi.Reply[] {trailing, duplicate, nul, bell, underflow, overflow}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.body()).doesNotContain("Exception", "ENGINE-");
        }
        assertThat(bell.json().path("errors").path("reason").asText()).isEqualTo("Bevat een onzichtbaar stuurteken; verwijder het");
        assertThat(underflow.json().path("errors").has("amount")).isTrue();
        assertThat(overflow.json().path("errors").has("amount")).isTrue();
        for (int year = 2061; year <= 2066; year++) {
            assertThat(manager.get("/api/budgets/loenen/" + year).status()).isEqualTo(404);
        }
    }

    /** The public form as a browser posts it: session cookie and CSRF token from the page. */
    HttpResponse<String> postPublicForm(Map<String, String> fields) throws Exception {
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

    static Map<String, String> validForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("applicantName", "Piet Jansen");
        form.put("applicantEmail", "piet@example.org");
        form.put("neighbourhood", "loenen");
        form.put("category", "groen-en-openbare-ruimte");
        form.put("title", "Bloembakken op het dorpsplein");
        form.put("description", "Wij willen met de buren bloembakken neerzetten.");
        form.put("amountRequested", "750,50");
        form.put("urgency", "normaal");
        form.put("carriedOutBy", "bewoners");
        form.put("postalStreet", "Dorpsplein");
        form.put("postalHouseNumber", "3");
        form.put("postalCode", "3632 AA");
        form.put("postalPlace", "Loenen aan de Vecht");
        return form;
    }

    /** Finding 14: the container dropped every field of a form above 64 kB, the CSRF token too: 403. */
    @Test
    void anOversizedPublicFormIs413InDutchNot403() throws Exception {
        Map<String, String> form = validForm();
        form.put("description", "x".repeat(70 * 1024));

        HttpResponse<String> response = postPublicForm(form);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("De invoer is te groot: hoogstens 64 kB.");
    }

    @Test
    void aControlCharacterInAPublicFormFieldIsShownNextToTheField() throws Exception {
        Map<String, String> form = validForm();
        form.put("title", "Bloembakken\u0000");

        HttpResponse<String> response = postPublicForm(form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"title-error\"", "Dit veld bevat een onzichtbaar stuurteken.");
    }

    @Test
    void theFormsLengthsAreTheColumnsLengths() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.body()).contains("maxlength=\"4000\"", "maxlength=\"150\"", "maxlength=\"200\"", "Hoogstens 4000 tekens.");
    }
}
