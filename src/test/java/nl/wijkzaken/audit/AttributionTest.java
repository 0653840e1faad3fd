package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.audit.DossierEntry.Kind;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.MessageSteps;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StaffApi.Reply;

/**
 * Issue 17: attribution in the dossier is exact. The case is worked as in Tasklist, over the engine's REST API by each
 * person: only what a person entered (an editable field of the form they submitted) is theirs; what the process
 * computed meanwhile (a decision table's result, counters, read-only fields, input mappings, the case summary) is
 * "systeem", with the step that computed it.
 */
@ApplicationTest
class AttributionTest {

    @Autowired CaseDossiers dossiers;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    @Test
    void onlyWhatAPersonEnteredIsThatPersonsTheRestIsTheSystemWithTheStepThatComputedIt() {
        Reply start = StaffApi.as("balie", port).post("/engine-rest/process-definition/key/resident-request/submit-form",
                Map.of("variables", nl.wijkzaken.support.TestAddress.withValues(startForm())));
        assertThat(start.status()).as(start.toString()).isEqualTo(200);
        String instance = start.json().path("id").asText();
        MessageSteps.run(context, instance);
        submit(instance, "GiveReceipt", "balie", Map.of());
        submit(instance, "CheckCompleteness", "wm.loenen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        // One adviser (fysiek) estimates far above the amount: the table asks for a deliberation.
        submit(instance, "GiveAdvice", "adv.fysiek", Map.of("adviceOutcome", "positief", "adviceMotivation", "Kan.",
                "adviceCostEstimate", 4000));
        submit(instance, "Deliberate", "wm.loenen", Map.of("deliberationDate", "2026-11-20", "participants", "Bewoners, fysiek",
                "positions", "Eens", "agreementReached", false));
        String caseNumber = (String) runtimeService.getVariable(instance, "caseNumber");

        List<DossierEntry> values = dossiers.find(caseNumber).orElseThrow().timeline().stream()
                .filter(e -> e.kind() == Kind.VARIABLE_CHANGED).toList();

        // What the persons entered.
        assertThat(actorsOf(values, "title")).containsOnly("balie");
        assertThat(summariesOf(values, "title")).allMatch(s -> s.endsWith("(startformulier)"));
        assertThat(actorsOf(values, "completeness")).containsOnly("wm.loenen");
        assertThat(actorsOf(values, "adviceOutcome")).containsOnly("adv.fysiek");
        assertThat(actorsOf(values, "adviceCostEstimate")).containsOnly("adv.fysiek");
        assertThat(actorsOf(values, "participants")).containsOnly("wm.loenen");
        assertThat(summariesOf(values, "participants")).allMatch(s -> s.endsWith("(formulier 'Gezamenlijk overleg vastleggen')"));

        // What the process computed while those persons registered or completed a task.
        assertThat(actorsOf(values, "caseNumber")).containsOnly("systeem");
        assertThat(summariesOf(values, "caseNumber")).allMatch(s -> s.contains("berekend door het proces in stap 'Verzoek registreren'"));
        assertThat(actorsOf(values, "deliberation")).containsOnly("systeem");
        assertThat(summariesOf(values, "deliberation")).allMatch(s -> s.contains("berekend door het proces in stap 'Overleg nodig?'"));
        assertThat(values).filteredOn(e -> "deliberation".equals(e.details().get("variable")))
                .allSatisfy(e -> assertThat(e.details()).containsEntry("computedIn", "Overleg nodig?"));
        assertThat(actorsOf(values, "totalCostEstimate")).containsOnly("systeem");
        assertThat(actorsOf(values, "advisers")).containsOnly("systeem");
        // A read-only field of the deliberation and decision forms (an input mapping of the step): never a person's.
        assertThat(actorsOf(values, "deliberationReason")).isNotEmpty().containsOnly("systeem");
        assertThat(actorsOf(values, "caseSummary")).isNotEmpty().containsOnly("systeem");
        assertThat(actorsOf(values, "allocation")).isNotEmpty().containsOnly("systeem");
    }

    private void submit(String instance, String taskKey, String user, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).active().singleResult();
        StaffApi api = StaffApi.as(user, port);
        Reply claim = api.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        Reply submit = api.post("/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", variables));
        assertThat(submit.status()).as(submit.toString()).isEqualTo(204);
        MessageSteps.run(context, instance);
    }

    /** Who set a value (the advice's local variables start empty, set by the step's input mapping: the system). */
    private static List<String> actorsOf(List<DossierEntry> values, String variable) {
        return values.stream().filter(e -> variable.equals(e.details().get("variable")))
                .filter(e -> e.details().get("newValue") != null).map(DossierEntry::actor).toList();
    }

    private static List<String> summariesOf(List<DossierEntry> values, String variable) {
        return values.stream().filter(e -> variable.equals(e.details().get("variable")))
                .filter(e -> e.details().get("newValue") != null).map(DossierEntry::summary).toList();
    }

    private static Map<String, Object> startForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicantName", Map.of("value", "Jan Jansen"));
        form.put("applicantEmail", Map.of("value", "jan@example.org"));
        form.put("neighbourhood", Map.of("value", "loenen"));
        form.put("category", Map.of("value", "groen-en-openbare-ruimte"));
        form.put("title", Map.of("value", "Bankje"));
        form.put("description", Map.of("value", "Een bankje bij de vijver."));
        form.put("amountRequested", Map.of("value", 1200));
        form.put("urgency", Map.of("value", "normaal"));
        form.put("carriedOutBy", Map.of("value", "bewoners"));
        form.put("channel", Map.of("value", "balie"));
        return form;
    }
}
