package nl.wijkzaken.budget;

import static nl.wijkzaken.support.DecisionSteps.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.support.DecisionSteps;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Ceilings;
import nl.wijkzaken.subsidy.Allocations;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/**
 * A decision the budget does not cover, submitted over HTTP as the decider does: through the engine REST API
 * (HTTP Basic) and through the webapps' copy of it that Tasklist uses (session login, CSRF token). The decider
 * gets the budget's Dutch message with the remaining amount, the task stays open, nothing is booked.
 */
@ApplicationTest
class BudgetRefusalResponsesTest {

    /** A year only this class books in (Loenen gets € 1.500), moved to on the engine's clock. */
    static final int OWN_YEAR = 2092;
    /** The start of the ceiling's refusal (Awb 4:25 lid 2); what is granted already depends on the order of the tests. */
    static final String REFUSAL = "Het subsidieplafond laat dit niet toe: voor deze aanvraag is nog € 1.500,00 beschikbaar";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired BudgetLedger ledger;
    @Autowired SubsidyRegulations regulations;
    @Autowired TaskService taskService;

    final ObjectMapper json = new ObjectMapper();
    DecisionSteps steps;

    @BeforeEach
    void aYearWithASmallBudget() {
        steps = new DecisionSteps(context);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(OWN_YEAR, 5, 4, 9, 0).atZone(DutchFormat.ZONE).toInstant()));
        // € 1.500 left for the next application, whatever the other test of this class left behind.
        Ceilings.room(regulations, context.getBean(Allocations.class), ledger, "loenen", OWN_YEAR, new BigDecimal("1500"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theEngineRestApiAnswersTheDeciderWithTheDutchMessageAndTheTaskStaysOpen() throws Exception {
        RegisteredRequest request = steps.toDecision("loenen", "2000");
        Task task = steps.claim(request, "Decide", "wm.loenen");
        HttpClient client = HttpClient.newHttpClient();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("wm.loenen:demo".getBytes(StandardCharsets.UTF_8));

        JsonNode shown = json.readTree(client.send(HttpRequest.newBuilder(uri("/engine-rest/task/" + task.getId() + "/form-variables"))
                .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(uri("/engine-rest/task/" + task.getId() + "/submit-form"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(submission(decision("toegekend", null)))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(shown.at("/allocation/value").asText()).contains("Beschikbaar voor deze aanvraag: € 1.500,00 (gevraagd € 2.000,00)");
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("type").asText()).isEqualTo("Refusal");
        assertThat(body.get("message").asText()).startsWith(REFUSAL);
        assertThat(body.get("available").decimalValue()).isEqualByComparingTo("1500");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).as("the decision is still open")
                .isNotNull().extracting(Task::getAssignee).isEqualTo("wm.loenen");
        assertThat(ledger.movementsOfCase(request.caseNumber())).isEmpty();

        HttpResponse<String> lowered = client.send(HttpRequest.newBuilder(uri("/engine-rest/task/" + task.getId() + "/submit-form"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(submission(decision("gedeeltelijk-toegekend", 1500)))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(204);
        assertThat(ledger.reservedForCase(request.caseNumber())).isEqualByComparingTo("1500");
        assertThat(ledger.reservedForCase(request.caseNumber())).isEqualByComparingTo("1500");
    }

    @Test
    void tasklistsOwnApiGivesTheSameMessage() throws Exception {
        RegisteredRequest request = steps.toDecision("loenen", "2000");
        Task task = steps.claim(request, "Decide", "wm.loenen");
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

        // As Tasklist does: a page for the CSRF cookie, the login, the form's variables, the submission with the token.
        browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=wm.loenen&password=" + URLEncoder.encode("demo", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // The login starts a new session; its first request hands out the session's CSRF token.
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(
                uri("/camunda/api/engine/engine/default/task/" + task.getId() + "/form-variables")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(form.body()).at("/allocation/value").asText()).contains("Beschikbaar voor deze aanvraag: € 1.500,00 (gevraagd € 2.000,00)");
        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(
                        uri("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken(cookies))
                .POST(HttpRequest.BodyPublishers.ofString(submission(decision("toegekend", null)))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).get("message").asText()).startsWith(REFUSAL);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(ledger.movementsOfCase(request.caseNumber())).isEmpty();
    }

    private String submission(Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return json.writeValueAsString(Map.of("variables", variables));
    }

    private static String csrfToken(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
