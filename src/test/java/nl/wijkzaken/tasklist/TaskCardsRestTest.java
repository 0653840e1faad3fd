package nl.wijkzaken.tasklist;

import static nl.wijkzaken.support.StaffApi.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.models.ResidentRequestProcess.Cards;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StaffApi.Reply;

/**
 * Tasklist's cards over its own REST call ({@code POST /engine-rest/filter/{id}/list}, HAL): every role that may
 * see a task gets the card of its case (number, title, wijk, amount asked, phase, deadline with days left), nobody
 * else gets anything, and nobody gets the process instance's variables (the resident's personal data) that way.
 * One case of 12.000 euro in Maarssenbroek walks through the owner, the adviser, the gebiedsmanager who decides
 * and the wethouder who co-signs.
 */
@ApplicationTest
class TaskCardsRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired CaseFiles caseFiles;

    @Test
    void everyRoleThatMaySeeTheTaskGetsItsCardAndNobodyElse() throws Exception {
        RegisteredRequest request = new Cases(context).start("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "12000");
        String instance = request.processInstanceId();
        LocalDate deadline = caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline();
        String deadlineText = DutchFormat.shortDate(deadline) + ", nog " + ChronoUnit.DAYS.between(EngineClock.today(), deadline)
                + " dagen";

        // The owner's check: his team and his wijk see the card; Breukelen, the advisers and the front office nothing.
        Task check = task(instance, "CheckCompleteness");
        Map<String, String> card = card("wm.maarssenbroek", "taken-van-mijn-team", check.getId());
        assertThat(card).containsEntry("caseNumber", request.caseNumber())
                .containsEntry("title", "Verzoek " + Category.GROEN_EN_OPENBARE_RUIMTE.label())
                .containsEntry("neighbourhoodName", "Maarssenbroek")
                .containsEntry("cardAmountRequested", "€ 12.000,00")
                .containsEntry("cardPhase", "In behandeling")
                .containsEntry("cardDeadline", deadlineText)
                .doesNotContainKey("cardReadOnly");
        assertThat(card("wm.maarssenbroek", "wijk-maarssenbroek", check.getId())).containsEntry("caseNumber", request.caseNumber())
                .doesNotContainKey("cardReadOnly");
        assertNothingFor("wm.breukelen", check.getId(), "taken-van-mijn-team", "wijk-breukelen");
        assertNothingFor("adv.fysiek", check.getId(), "taken-van-mijn-team");
        assertNothingFor("balie", check.getId(), "taken-van-mijn-team", "mijn-taken");
        // Reading the task is not reading the case: the instance's variables stay out of reach.
        Reply instanceVariables = as("wm.maarssenbroek").get("/engine-rest/variable-instance?processInstanceIdIn=" + instance);
        assertThat(instanceVariables.json().findValuesAsText("name")).doesNotContain("applicantName", "applicantEmail")
                // The task-local card copies and the task form's case summary (the case the reader works on).
                .allSatisfy(name -> assertThat(name).isIn(withSummary()));
        work("wm.maarssenbroek", check, variables("completeness", "compleet", "completenessMotivation", "Alles is er."));

        // The advice: the adviser's team works it; the owner follows it in his wijk, marked read-only.
        Task advice = task(instance, "GiveAdvice");
        assertThat(card("adv.fysiek", "taken-van-mijn-team", advice.getId())).containsEntry("caseNumber", request.caseNumber())
                .containsEntry("cardAmountRequested", "€ 12.000,00").containsKey("cardPhase").containsKey("cardDeadline");
        assertThat(card("wm.maarssenbroek", "wijk-maarssenbroek", advice.getId()))
                .containsEntry("caseNumber", request.caseNumber())
                .containsEntry("cardReadOnly", "Alleen inzien (taak van Vakafdeling fysiek (verkeer en openbare ruimte))");
        assertNothingFor("adv.sociaal", advice.getId(), "taken-van-mijn-team");
        assertNothingFor("wm.breukelen", advice.getId(), "wijk-breukelen");
        Reply claim = as("wm.maarssenbroek").post("/engine-rest/task/" + advice.getId() + "/claim", Map.of("userId", "wm.maarssenbroek"));
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.message()).contains("alleen inzien").doesNotContain(advice.getId(), "Task", "permission");
        work("adv.fysiek", advice, variables("adviceOutcome", "positief", "adviceMotivation", "Past in het groenplan."));

        // The decision by the gebiedsmanager, co-signed by the wethouder.
        Task decide = task(instance, "Decide");
        assertThat(card("gebiedsmanager", "taken-van-mijn-team", decide.getId())).containsEntry("caseNumber", request.caseNumber())
                .containsEntry("neighbourhoodName", "Maarssenbroek").containsEntry("cardDeadline", deadlineText);
        assertNothingFor("wethouder", decide.getId(), "taken-van-mijn-team");
        work("gebiedsmanager", decide, variables("outcome", "toegekend", "decisionMotivation", "Goed voor de buurt."));

        Task coSign = task(instance, "CoSignDecision");
        assertThat(card("wethouder", "taken-van-mijn-team", coSign.getId())).containsEntry("caseNumber", request.caseNumber())
                .containsEntry("title", "Verzoek " + Category.GROEN_EN_OPENBARE_RUIMTE.label());
        assertNothingFor("adv.fysiek", coSign.getId(), "taken-van-mijn-team");
        // The auditor uses no Tasklist, but reads every task, and so its card.
        assertThat(as("auditor").get("/engine-rest/variable-instance?taskIdIn=" + coSign.getId()).json().findValuesAsText("value"))
                .contains(request.caseNumber());

        // The cards are display copies: not in the case's history.
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableNameIn(Cards.ALL.toArray(String[]::new)).list())
                .allSatisfy(variable -> assertThat(variable.getTaskId()).isNull());
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("caseNumber").count())
                .isEqualTo(1);
    }

    @Test
    void aCaseIsFoundByItsNumberAsProcessOrTaskVariable() throws Exception {
        Cases cases = new Cases(context);
        RegisteredRequest wanted = cases.start("loenen", Category.OVERIG, "300");
        RegisteredRequest other = cases.start("loenen", Category.OVERIG, "400");
        String wantedTask = task(wanted.processInstanceId(), "CheckCompleteness").getId();
        String otherTask = task(other.processInstanceId(), "CheckCompleteness").getId();

        for (String type : List.of("processVariables", "taskVariables")) {
            JsonNode tasks = list("wm.loenen", "taken-van-mijn-team", Map.of(type,
                    List.of(Map.of("name", "caseNumber", "operator", "eq", "value", wanted.caseNumber()))));
            assertThat(tasks.path("_embedded").path("task").findValuesAsText("id")).as(type).containsExactly(wantedTask);
            JsonNode like = list("wm.loenen", "taken-van-mijn-team", Map.of(type,
                    List.of(Map.of("name", "caseNumber", "operator", "like", "value", "%" + wanted.caseNumber().substring(8) + "%"))));
            assertThat(like.path("_embedded").path("task").findValuesAsText("id")).as(type).contains(wantedTask).doesNotContain(otherTask);
        }
        // Another wijk finds nothing by that number.
        JsonNode elsewhere = list("wm.breukelen", "taken-van-mijn-team", Map.of("processVariables",
                List.of(Map.of("name", "caseNumber", "operator", "eq", "value", wanted.caseNumber()))));
        assertThat(elsewhere.path("_embedded").path("task").findValuesAsText("id")).isEmpty();
    }

    private static List<String> withSummary() {
        List<String> names = new java.util.ArrayList<>(Cards.ALL);
        names.add("caseSummary");
        return names;
    }

    private static List<String> withPenalty() {
        List<String> names = new java.util.ArrayList<>(Cards.ALL);
        names.add(nl.wijkzaken.models.ResidentRequestProcess.Penalty.AMOUNT_SO_FAR);
        return names;
    }

    @Test
    void theFiltersShowTheCardVariablesInOrder() {
        for (JsonNode filter : as("wm.maarssenbroek").get("/engine-rest/filter").json()) {
            List<String> names = filter.path("properties").path("variables").findValuesAsText("name");
            String key = filter.path("properties").path("wijkzakenKey").asText();
            // The card copies, and on the penalty's task the amount so far (Awb 4:17).
            assertThat(names).as(key).allSatisfy(name -> assertThat(name).isIn(withPenalty()));
            assertThat(names).as(key).startsWith("caseNumber", "title", "neighbourhoodName", "cardAmountRequested",
                    "cardPhase", "cardDeadline");
            assertThat(names.contains("cardReadOnly")).as(key).isEqualTo(key.startsWith("wijk-"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void assertNothingFor(String user, String taskId, String... filterKeys) throws Exception {
        for (String filterKey : filterKeys) {
            JsonNode tasks = list(user, filterKey, Map.of());
            assertThat(tasks.path("_embedded").path("task").findValuesAsText("id")).as(user + " " + filterKey).doesNotContain(taskId);
        }
        assertThat(as(user).get("/engine-rest/variable-instance?taskIdIn=" + taskId).json()).as(user).isEmpty();
    }

    /** The card variables Tasklist gets for the task in that filter of the user (fails if the task is not listed). */
    private Map<String, String> card(String user, String filterKey, String taskId) throws Exception {
        JsonNode tasks = list(user, filterKey, Map.of());
        for (JsonNode task : tasks.path("_embedded").path("task")) {
            if (taskId.equals(task.path("id").asText())) {
                Map<String, String> card = new LinkedHashMap<>();
                for (JsonNode variable : task.path("_embedded").path("variable")) {
                    card.put(variable.path("name").asText(), variable.path("value").asText());
                }
                return card;
            }
        }
        throw new AssertionError(user + " does not see task " + taskId + " in " + filterKey + ": " + tasks);
    }

    /** What Tasklist sends: {@code POST /engine-rest/filter/{id}/list} with {@code Accept: application/hal+json}. */
    private JsonNode list(String user, String filterKey, Map<String, Object> query) throws Exception {
        String filterId = null;
        for (JsonNode filter : as(user).get("/engine-rest/filter").json()) {
            if (filterKey.equals(filter.path("properties").path("wijkzakenKey").asText())) {
                filterId = filter.get("id").asText();
            }
        }
        assertThat(filterId).as(user + " has filter " + filterKey).isNotNull();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/filter/" + filterId
                        + "/list?firstResult=0&maxResults=1000"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/hal+json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(query)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void work(String user, Task task, Map<String, Object> form) {
        StaffApi api = as(user);
        assertThat(api.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user)).status()).isEqualTo(204);
        Reply submit = api.post("/engine-rest/task/" + task.getId() + "/submit-form", form);
        assertThat(submit.status()).as(submit.toString()).isEqualTo(204);
        new Cases(context).runMessages(task.getProcessInstanceId());
    }

    private Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private StaffApi as(String user) {
        return StaffApi.as(user, port);
    }
}
