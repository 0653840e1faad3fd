package nl.wijkzaken.refusal;

import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.StaffApi.Reply;
import static nl.wijkzaken.support.StaffApi.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.WebappSession;

/**
 * The engine's own refusals as staff meet them, over the engine REST API (HTTP Basic) and over Tasklist's copy of it
 * (session login, CSRF token): a task of another neighbourhood, a task a colleague completed or claimed first, a
 * decision that breaks a rule. Each answer is Dutch, names no engine id and shows no stack trace; nothing changes.
 */
@ApplicationTest
class StaffRefusalsTest {

    /** A second wijkmanager of Loenen, so two people can reach for the same task. */
    private static final String COLLEAGUE = "wm.loenen.collega";

    @LocalServerPort int port;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired RequestIntake intake;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;

    private final ObjectMapper json = new ObjectMapper();
    private Cases cases;

    @BeforeEach
    void aSecondWijkmanagerOfLoenen() {
        cases = new Cases(context);
        if (identityService.createUserQuery().userId(COLLEAGUE).count() == 0) {
            User user = identityService.newUser(COLLEAGUE);
            user.setFirstName("Collega");
            user.setLastName("Loenen");
            user.setPassword(StaffApi.PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(COLLEAGUE, "wijkmanager-loenen");
        }
    }

    @Test
    void aTaskOfAnotherNeighbourhoodIsRefusedInDutchOverRestAndTasklist() {
        Task check = task(cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "500").processInstanceId(),
                "CheckCompleteness");

        Reply overRest = StaffApi.as("wm.maarssenbroek", port).post("/engine-rest/task/" + check.getId() + "/claim",
                Map.of("userId", "wm.maarssenbroek"));
        HttpResponse<String> inTasklist = tasklist("wm.maarssenbroek").postJson(
                "/api/engine/engine/default/task/" + check.getId() + "/claim", "{\"userId\":\"wm.maarssenbroek\"}", true);

        assertThat(overRest.status()).as(overRest.toString()).isEqualTo(403);
        assertThat(overRest.message()).isEqualTo("U mag deze taak niet uitvoeren of toewijzen.");
        assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(403);
        assertThat(message(inTasklist.body())).isEqualTo(overRest.message());
        assertThat(List.of(overRest.body(), inTasklist.body())).allSatisfy(body -> withoutEngineDetails(body, check));
        assertThat(task(check.getProcessInstanceId(), "CheckCompleteness").getAssignee()).isNull();
    }

    @Test
    void aTaskACollegueCompletedFirstIsGoneInDutchOverRestAndTasklist() {
        String instance = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "500").processInstanceId();
        Task check = task(instance, "CheckCompleteness");
        Map<String, Object> complete = variables("completeness", "compleet", "completenessMotivation", "Compleet.");
        StaffApi colleague = StaffApi.as(COLLEAGUE, port);
        assertThat(colleague.post("/engine-rest/task/" + check.getId() + "/claim", Map.of("userId", COLLEAGUE)).status())
                .isEqualTo(204);
        assertThat(colleague.post("/engine-rest/task/" + check.getId() + "/submit-form", complete).status()).isEqualTo(204);

        Reply overRest = StaffApi.as("wm.loenen", port).post("/engine-rest/task/" + check.getId() + "/submit-form", complete);
        Reply claimOverRest = StaffApi.as("wm.loenen", port).post("/engine-rest/task/" + check.getId() + "/claim",
                Map.of("userId", "wm.loenen"));
        Reply openOverRest = StaffApi.as("wm.loenen", port).get("/engine-rest/task/" + check.getId());
        WebappSession tasklist = tasklist("wm.loenen");
        HttpResponse<String> inTasklist = tasklist.postJson(
                "/api/engine/engine/default/task/" + check.getId() + "/submit-form", json(complete), true);
        HttpResponse<String> openInTasklist = tasklist.get("/api/engine/engine/default/task/" + check.getId());

        assertThat(List.of(overRest.status(), claimOverRest.status(), openOverRest.status(), inTasklist.statusCode(),
                        openInTasklist.statusCode()))
                .as(overRest + " / " + claimOverRest + " / " + openOverRest + " / " + inTasklist.body()
                        + " / " + openInTasklist.body()).containsOnly(404);
        assertThat(List.of(overRest.message(), claimOverRest.message(), openOverRest.message(),
                        message(inTasklist.body()), message(openInTasklist.body())))
                .containsOnly(EngineFailures.TASK_GONE);
        assertThat(List.of(overRest.body(), claimOverRest.body(), openOverRest.body(), inTasklist.body(),
                        openInTasklist.body()))
                .allSatisfy(body -> withoutEngineDetails(body, check));
    }

    @Test
    void aTaskACollegueClaimedFirstIsRefusedInDutch() {
        Task check = task(cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "500").processInstanceId(),
                "CheckCompleteness");
        assertThat(StaffApi.as(COLLEAGUE, port).post("/engine-rest/task/" + check.getId() + "/claim",
                Map.of("userId", COLLEAGUE)).status()).isEqualTo(204);

        Reply overRest = StaffApi.as("wm.loenen", port).post("/engine-rest/task/" + check.getId() + "/claim",
                Map.of("userId", "wm.loenen"));
        HttpResponse<String> inTasklist = tasklist("wm.loenen").postJson(
                "/api/engine/engine/default/task/" + check.getId() + "/claim", "{\"userId\":\"wm.loenen\"}", true);

        assertThat(overRest.status()).as(overRest.toString()).isEqualTo(409);
        assertThat(overRest.message()).isEqualTo(EngineFailures.ALREADY_CLAIMED);
        assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(409);
        assertThat(message(inTasklist.body())).isEqualTo(EngineFailures.ALREADY_CLAIMED);
        assertThat(List.of(overRest.body(), inTasklist.body())).allSatisfy(body -> withoutEngineDetails(body, check));
        assertThat(task(check.getProcessInstanceId(), "CheckCompleteness").getAssignee()).isEqualTo(COLLEAGUE);
    }

    @Test
    void aDecisionThatBreaksARuleAnswersWithTheRuleOnlyOverRestAndTasklist() {
        String instance = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000").processInstanceId();
        work("wm.loenen", task(instance, "CheckCompleteness"),
                variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        work("adv.fysiek", task(instance, "GiveAdvice"), variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        Task decide = task(instance, "Decide");
        String decider = "gebiedsmanager";
        assertThat(StaffApi.as(decider, port).post("/engine-rest/task/" + decide.getId() + "/claim",
                Map.of("userId", decider)).status()).isEqualTo(204);
        Map<String, Object> tooMuch = variables("outcome", "gedeeltelijk-toegekend", "decidedAmount", 7000,
                "decisionMotivation", "Deels.");

        Reply overRest = StaffApi.as(decider, port).post("/engine-rest/task/" + decide.getId() + "/submit-form", tooMuch);
        HttpResponse<String> inTasklist = tasklist(decider).postJson(
                "/api/engine/engine/default/task/" + decide.getId() + "/submit-form", json(tooMuch), true);

        assertThat(overRest.status()).as(overRest.toString()).isEqualTo(400);
        assertThat(overRest.message()).startsWith("Bij gedeeltelijke toekenning ligt het toegekende bedrag tussen € 0 en € ");
        assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(400);
        assertThat(message(inTasklist.body())).isEqualTo(overRest.message());
        assertThat(List.of(overRest.body(), inTasklist.body())).allSatisfy(body -> withoutEngineDetails(body, decide));
        assertThat(task(instance, "Decide")).as("the decision is still open").isNotNull();
        assertThat(runtimeService.getVariable(instance, "decidedBy")).isNull();
    }

    private static void withoutEngineDetails(String body, Task task) {
        assertThat(body).doesNotContain(task.getId()).doesNotContain(task.getProcessInstanceId())
                .doesNotContain("ENGINE-").doesNotContain("Cannot ").doesNotContain("permission")
                .doesNotContain("Exception:").doesNotContain("\tat ").doesNotContain("stackTrace");
    }

    private void work(String user, Task task, Map<String, Object> form) {
        StaffApi api = StaffApi.as(user, port);
        Reply claim = api.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        assertThat(claim.status()).as(user + ": " + claim).isEqualTo(204);
        Reply submit = api.post("/engine-rest/task/" + task.getId() + "/submit-form", form);
        assertThat(submit.status()).as(user + ": " + submit).isEqualTo(204);
    }

    private WebappSession tasklist(String user) {
        WebappSession session = new WebappSession(port);
        session.open();
        assertThat(session.login(user, "tasklist", true).statusCode()).isEqualTo(200);
        return session;
    }

    private String message(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node.path("message").asText();
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }
}
