package nl.wijkzaken.security.internal;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.support.StaffApi.Reply;
import static nl.wijkzaken.support.StaffApi.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.WebappSession;

/**
 * Issue 12, findings 1, 7 (staff forms), 9, 10 and 11, over real HTTP with the demo users: a task completion or a
 * start carries exactly the editable fields of the deployed form, with the form's rules, through every door; each
 * refusal is a 400 (or 403) with a Dutch message and changes nothing. Only the assignee completes; he may give the
 * task back; comments only by whom may work on the task.
 */
@ApplicationTest
class FormGuardTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RequestIntake intake;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired BudgetLedger ledger;
    @Autowired CaseFiles caseFiles;

    private Cases cases;

    @BeforeEach
    void setUp() {
        cases = new Cases(context);
    }

    // --- finding 1: variables that are not the form's ------------------------------------------------------------

    @Test
    void theFastLaneCannotRaiseTheAmountItGrants() {
        RegisteredRequest request = fastLane("maarssen-dorp", "800");
        Task task = task(request, "HandleFastLane");
        StaffApi owner = claimed("wm.maarssen-dorp", task);

        Reply complete = owner.post("/engine-rest/task/" + task.getId() + "/complete",
                variables("outcome", "toegekend", "decisionMotivation", "x", "amountToDecide", 25000));
        Reply submit = owner.post("/engine-rest/task/" + task.getId() + "/submit-form",
                variables("outcome", "toegekend", "decisionMotivation", "x", "amountToDecide", 25000));

        assertThat(List.of(complete, submit)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.message()).isEqualTo(
                    "Het formulier ‘Snel afhandelen’ kent geen veld ‘amountToDecide’. Er is niets opgeslagen.");
        });
        assertThat(runtimeService.getVariable(request.processInstanceId(), "amountToDecide")).isEqualTo(800.0);
        assertThat(runtimeService.getVariable(request.processInstanceId(), "outcome")).isNull();
        assertThat(ledger.reservedForCase(request.caseNumber())).isZero();
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().outcome()).isNull();
        assertThat(task(request, "HandleFastLane").getAssignee()).isEqualTo("wm.maarssen-dorp");

        // What the form offers still works, and grants the 800 asked for.
        Reply fair = owner.post("/engine-rest/task/" + task.getId() + "/complete",
                variables("outcome", "toegekend", "decisionMotivation", "Snel geregeld."));
        assertThat(fair.status()).as(fair.toString()).isEqualTo(204);
        assertThat(ledger.reservedForCase(request.caseNumber())).isEqualByComparingTo("800");
    }

    @Test
    void theCompletenessCheckCannotLowerTheAmountBelowTheMandate() {
        RegisteredRequest request = cases.start("breukelen", Category.SPELEN_EN_SPORT, "12000");
        Task task = task(request, "CheckCompleteness");
        StaffApi owner = claimed("wm.breukelen", task);

        Reply reply = owner.post("/engine-rest/task/" + task.getId() + "/submit-form",
                variables("completeness", "compleet", "completenessMotivation", "Compleet.", "amountToDecide", 2000));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.message()).contains("kent geen veld ‘amountToDecide’").doesNotContain("ENGINE-");
        assertThat(runtimeService.getVariable(request.processInstanceId(), "amountToDecide")).isEqualTo(12000.0);
        assertThat(task(request, "CheckCompleteness")).isNotNull();
    }

    @Test
    void anAdviserCannotMoveTheCaseToAnotherWijk() {
        RegisteredRequest request = cases.start("maarssen-dorp", Category.SOCIAAL_EN_ONTMOETING, "750");
        StaffApi owner = claimed("wm.maarssen-dorp", task(request, "CheckCompleteness"));
        owner.post("/engine-rest/task/" + task(request, "CheckCompleteness").getId() + "/submit-form",
                variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        Task advice = task(request, "GiveAdvice");
        StaffApi adviser = claimed("adv.sociaal", advice);

        Reply reply = adviser.post("/engine-rest/task/" + advice.getId() + "/submit-form", variables("adviceOutcome",
                "positief", "adviceMotivation", "Goed idee.", "ownerGroup", "wijkmanager-breukelen"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Het formulier ‘Advies geven’ kent geen veld ‘ownerGroup’. Er is niets opgeslagen.");
        assertThat(runtimeService.getVariable(request.processInstanceId(), "ownerGroup")).isEqualTo("wijkmanager-maarssen-dorp");
        assertThat(task(request, "GiveAdvice")).isNotNull();
    }

    @Test
    void aStartCarriesOnlyTheStartFormsFields() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count();
        Map<String, Object> form = startForm();
        Map<String, Object> withCounter = new LinkedHashMap<>(form);
        withCounter.put("messageCount_ontvangstbevestiging", Map.of("value", 4));
        StaffApi balie = StaffApi.as("balie", port);

        Reply submit = balie.post("/engine-rest/process-definition/key/resident-request/submit-form", Map.of("variables", withCounter));
        Reply start = balie.post("/engine-rest/process-definition/key/resident-request/start", Map.of("variables", withCounter));

        assertThat(List.of(submit, start)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.message()).isEqualTo("Het formulier ‘Bewonersverzoek’ kent geen veld "
                    + "‘messageCount_ontvangstbevestiging’. Er is niets opgeslagen.");
        });
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count()).isEqualTo(before);

        Reply unknownChoice = balie.post("/engine-rest/process-definition/key/resident-request/submit-form",
                Map.of("variables", with(form, "neighbourhood", "amsterdam")));
        assertThat(unknownChoice.status()).as(unknownChoice.toString()).isEqualTo(400);
        assertThat(unknownChoice.message()).startsWith("‘Wijk’ moet één van: maarssenbroek, maarssen-dorp, breukelen, loenen zijn.");

        Reply elsewhere = balie.post("/engine-rest/process-definition/key/resident-request/start", Map.of("variables", form,
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Decide"))));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isIn(400, 403);
        assertThat(elsewhere.body()).doesNotContain("ENGINE-");

        Reply fair = balie.post("/engine-rest/process-definition/key/resident-request/submit-form", Map.of("variables", form));
        assertThat(fair.status()).as(fair.toString()).isEqualTo(200);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count()).isEqualTo(before + 1);
    }

    @Test
    void theJavaApiOnBehalfOfAPersonIsCheckedTheSameWay() {
        RegisteredRequest request = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000");
        Task check = task(request, "CheckCompleteness");
        identityService.setAuthentication("wm.loenen", List.of("wijkmanager-loenen"));
        try {
            taskService.claim(check.getId(), "wm.loenen");
            assertThatThrownBy(() -> taskService.complete(check.getId(), Map.of("completeness", "compleet",
                    "completenessMotivation", "Compleet.", "ownerGroup", "wijkmanager-breukelen")))
                    .isInstanceOf(nl.wijkzaken.refusal.Refusal.class)
                    .hasMessage("Het formulier ‘Volledigheid beoordelen’ kent geen veld ‘ownerGroup’. Er is niets opgeslagen.");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(runtimeService.getVariable(request.processInstanceId(), "ownerGroup")).isEqualTo("wijkmanager-loenen");
        assertThat(task(request, "CheckCompleteness").getAssignee()).isEqualTo("wm.loenen");
    }

    // --- finding 10: rules of the form and of the listeners answer 400 in Dutch -------------------------------------

    @Test
    void anUnknownChoiceAndABrokenRuleAnswer400InDutch() {
        RegisteredRequest request = cases.start("breukelen", Category.SPELEN_EN_SPORT, "2000");
        Task check = task(request, "CheckCompleteness");
        StaffApi owner = claimed("wm.breukelen", check);

        Reply bogus = owner.post("/engine-rest/task/" + check.getId() + "/submit-form",
                variables("completeness", "bogus", "completenessMotivation", "?"));
        Reply missing = owner.post("/engine-rest/task/" + check.getId() + "/complete", variables("completeness", "compleet"));

        assertThat(bogus.status()).as(bogus.toString()).isEqualTo(400);
        assertThat(bogus.message()).isEqualTo("‘Oordeel’ moet één van: compleet, incompleet, doorsturen, geen-aanvraag zijn. Er is niets opgeslagen.");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.message()).startsWith("‘Toelichting");
        assertThat(missing.message()).contains("is verplicht.");

        owner.post("/engine-rest/task/" + check.getId() + "/submit-form",
                variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        completeAdvice(request);
        Task decide = task(request, "Decide");
        claimed("wm.breukelen", decide);
        // A partial grant without an amount breaks the decision listener's rule: 400 with that rule, not a 500.
        WebappSession tasklist = new WebappSession(port);
        tasklist.open();
        assertThat(tasklist.login("wm.breukelen", "tasklist", true).statusCode()).isEqualTo(200);
        HttpResponse<String> partial = tasklist.postJson("/api/engine/engine/default/task/" + decide.getId() + "/submit-form",
                "{\"variables\":{\"outcome\":{\"value\":\"gedeeltelijk-toegekend\"},\"decisionMotivation\":{\"value\":\"Deels.\"},"
                        + "\"decidedAmount\":{\"value\":null}}}", true);
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(400);
        assertThat(partial.body()).contains("Bij gedeeltelijke toekenning ligt het toegekende bedrag tussen")
                .doesNotContain("ENGINE-").doesNotContain("Cannot submit");
        assertThat(ledger.reservedForCase(request.caseNumber())).isZero();
        assertThat(task(request, "Decide").getAssignee()).isEqualTo("wm.breukelen");
    }

    // --- finding 7 (staff forms): control characters and the engine's 4000 characters ------------------------------

    @Test
    void textFieldsRefuseControlCharactersAndMoreThanTheEngineStores() {
        RegisteredRequest request = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000");
        Task check = task(request, "CheckCompleteness");
        StaffApi owner = claimed("wm.loenen", check);
        String path = "/engine-rest/task/" + check.getId() + "/submit-form";

        Reply nul = owner.post(path, variables("completeness", "compleet", "completenessMotivation", "Com\u0000pleet"));
        Reply escape = owner.post(path, variables("completeness", "compleet", "completenessMotivation", "Compleet\u001b[31m"));
        Reply tooLong = owner.post(path, variables("completeness", "compleet", "completenessMotivation", "x".repeat(4001)));

        // A NUL never gets this far over HTTP: the request hygiene filter refuses it for every endpoint.
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.toString()).contains("stuurteken (NUL)");
        assertThat(escape.status()).as(escape.toString()).isEqualTo(400);
        assertThat(escape.message()).contains("bevat tekens die niet zijn toegestaan");
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.message()).contains("mag hoogstens 4000 tekens bevatten");
        assertThat(runtimeService.getVariable(request.processInstanceId(), "completenessMotivation")).isNull();

        Reply lines = owner.post(path, variables("completeness", "compleet", "completenessMotivation",
                "Compleet:\n\t- tekening\r\n\t- begroting " + "x".repeat(3950)));
        assertThat(lines.status()).as(lines.toString()).isEqualTo(204);
    }

    // --- Tasklist keeps working --------------------------------------------------------------------------------------

    @Test
    void whatTasklistSubmitsIsAccepted() {
        RegisteredRequest request = cases.start("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "5000");
        Task check = task(request, "CheckCompleteness");
        WebappSession tasklist = new WebappSession(port);
        tasklist.open();
        assertThat(tasklist.login("wm.maarssenbroek", "tasklist", true).statusCode()).isEqualTo(200);
        String api = "/api/engine/engine/default/task/" + check.getId();

        HttpResponse<String> unclaimed = tasklist.postJson(api + "/submit-form",
                "{\"variables\":{\"completeness\":{\"value\":\"compleet\"},\"completenessMotivation\":{\"value\":\"Ok.\"}}}", true);
        assertThat(unclaimed.statusCode()).as(unclaimed.body()).isEqualTo(403);
        assertThat(unclaimed.body()).contains("Claim de taak ‘Volledigheid beoordelen’ eerst");

        assertThat(tasklist.postJson(api + "/claim", "{\"userId\":\"wm.maarssenbroek\"}", true).statusCode()).isEqualTo(204);
        // A client that sends the read-only fields back unchanged is fine; they are not written.
        HttpResponse<String> changed = tasklist.postJson(api + "/submit-form",
                "{\"variables\":{\"completeness\":{\"value\":\"compleet\"},\"completenessMotivation\":{\"value\":\"Ok.\"},"
                        + "\"caseNumber\":{\"value\":\"BV-1999-000001\"}}}", true);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(400);
        assertThat(changed.body()).contains("‘Zaaknummer’ kan in het formulier ‘Volledigheid beoordelen’ niet worden gewijzigd.");

        HttpResponse<String> submit = tasklist.postJson(api + "/submit-form",
                "{\"variables\":{\"completeness\":{\"value\":\"compleet\",\"type\":\"String\"},"
                        + "\"completenessMotivation\":{\"value\":\"Alles is er.\",\"type\":\"String\"},"
                        + "\"caseNumber\":{\"value\":\"" + request.caseNumber() + "\",\"type\":\"String\"},"
                        + "\"amountRequested\":{\"value\":5000,\"type\":\"Integer\"}}}", true);
        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(204);
        assertThat(runtimeService.getVariable(request.processInstanceId(), "amountRequested")).isEqualTo(5000.0);

        // Advice as form-js sends it: every enabled field, the empty optional ones as "" or null.
        Task advice = task(request, "GiveAdvice");
        StaffApi adviser = claimed("adv.fysiek", advice);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("adviceOutcome", Map.of("value", "positief-onder-voorwaarden"));
        form.put("adviceMotivation", Map.of("value", "Kan, met een hek."));
        form.put("adviceConditions", Map.of("value", ""));
        form.put("adviceCostEstimate", new LinkedHashMap<>(java.util.Collections.singletonMap("value", null)));
        form.put("advicePolicyReference", Map.of("value", ""));
        Reply submitted = adviser.post("/engine-rest/task/" + advice.getId() + "/submit-form", Map.of("variables", form));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(204);
        assertThat(task(request, "GiveAdvice")).isNull();
    }

    // --- findings 9 and 11: giving a task back, comments ----------------------------------------------------------

    @Test
    void theAssigneeGivesHisTaskBackAndClaimsOnlyForHimself() {
        RegisteredRequest request = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000");
        Task check = task(request, "CheckCompleteness");
        StaffApi owner = StaffApi.as("wm.loenen", port);

        Reply forSomeoneElse = owner.post("/engine-rest/task/" + check.getId() + "/claim", Map.of("userId", "wm.breukelen"));
        assertThat(forSomeoneElse.status()).as(forSomeoneElse.toString()).isEqualTo(403);
        assertThat(forSomeoneElse.message()).isEqualTo("U kunt een taak alleen voor uzelf claimen.");

        claimed("wm.loenen", check);
        Reply notHis = StaffApi.as("gebiedsmanager", port).post("/engine-rest/task/" + check.getId() + "/unclaim", null);
        assertThat(notHis.status()).as(notHis.toString()).isEqualTo(403);
        assertThat(task(request, "CheckCompleteness").getAssignee()).isEqualTo("wm.loenen");

        Reply unclaim = owner.post("/engine-rest/task/" + check.getId() + "/unclaim", null);
        assertThat(unclaim.status()).as(unclaim.toString()).isEqualTo(204);
        assertThat(task(request, "CheckCompleteness").getAssignee()).isNull();

        WebappSession tasklist = new WebappSession(port);
        tasklist.open();
        assertThat(tasklist.login("wm.loenen", "tasklist", true).statusCode()).isEqualTo(200);
        String api = "/api/engine/engine/default/task/" + check.getId();
        assertThat(tasklist.postJson(api + "/claim", "{\"userId\":\"wm.loenen\"}", true).statusCode()).isEqualTo(204);
        assertThat(tasklist.postJson(api + "/unclaim", "{}", true).statusCode()).isEqualTo(204);
        assertThat(task(request, "CheckCompleteness").getAssignee()).isNull();
    }

    @Test
    void onlyWhoMayWorkOnATaskWritesComments() {
        RegisteredRequest request = cases.start("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000");
        Task check = task(request, "CheckCompleteness");
        String path = "/engine-rest/task/" + check.getId() + "/comment/create";

        Reply auditor = StaffApi.as("auditor", port).post(path, Map.of("message", "Ik keur dit goed."));
        Reply processOwner = StaffApi.as("procesbeheerder", port).post(path, Map.of("message", "Ik ook."));
        Reply otherWijk = StaffApi.as("wm.loenen", port).post(path, Map.of("message", "Wij ook."));
        Reply owner = StaffApi.as("wm.breukelen", port).post(path, Map.of("message", "Tekening opgevraagd bij de bewoner."));

        assertThat(List.of(auditor, processOwner, otherWijk)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isIn(400, 403, 404);
            assertThat(reply.body()).doesNotContain("ENGINE-");
        });
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.message()).isEqualTo("Alleen wie de taak ‘Volledigheid beoordelen’ mag uitvoeren, kan er een opmerking bij plaatsen.");
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        assertThat(taskService.getTaskComments(check.getId())).extracting(c -> c.getFullMessage())
                .containsExactly("Tekening opgevraagd bij de bewoner.");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private RegisteredRequest fastLane(String neighbourhood, String amount) {
        RegisteredRequest request = intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, null,
                neighbourhood, Category.EVENEMENT_OF_ACTIVITEIT, "Drempel", "Er wordt te hard gereden.", new BigDecimal(amount),
                Urgency.ACUUT, "Straatweg 1", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), "online");
        cases.runMessages(request.processInstanceId());
        return request;
    }

    private void completeAdvice(RegisteredRequest request) {
        for (Task advice : taskService.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskDefinitionKey("GiveAdvice").list()) {
            String adviser = advice.getTaskDefinitionKey().equals("GiveAdvice") && taskService.getIdentityLinksForTask(advice.getId())
                    .stream().anyMatch(l -> "advies-sociaal".equals(l.getGroupId())) ? "adv.sociaal" : "adv.fysiek";
            StaffApi api = claimed(adviser, advice);
            Reply reply = api.post("/engine-rest/task/" + advice.getId() + "/submit-form",
                    variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
        }
    }

    private static Map<String, Object> startForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicantName", Map.of("value", "Jan Jansen"));
        form.put("applicantEmail", Map.of("value", "jan@example.org"));
        form.put("neighbourhood", Map.of("value", "breukelen"));
        form.put("category", Map.of("value", "groen-en-openbare-ruimte"));
        form.put("title", Map.of("value", "Bankje"));
        form.put("description", Map.of("value", "Een bankje bij de vijver."));
        form.put("amountRequested", Map.of("value", 1200));
        form.put("urgency", Map.of("value", "normaal"));
        form.put("carriedOutBy", Map.of("value", "bewoners"));
        form.put("channel", Map.of("value", "balie"));
        form.put("postalStreet", Map.of("value", "Straatweg"));
        form.put("postalHouseNumber", Map.of("value", "1"));
        form.put("postalCode", Map.of("value", "3621 AB"));
        form.put("postalPlace", Map.of("value", "Breukelen"));
        return form;
    }

    private static Map<String, Object> with(Map<String, Object> form, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(form);
        changed.put(key, Map.of("value", value));
        return changed;
    }

    private StaffApi claimed(String user, Task task) {
        StaffApi api = StaffApi.as(user, port);
        Reply claim = api.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        assertThat(claim.status()).as(user + ": " + claim).isEqualTo(204);
        return api;
    }

    private Task task(RegisteredRequest request, String key) {
        return taskService.createTaskQuery().processInstanceId(request.processInstanceId()).taskDefinitionKey(key).singleResult();
    }
}
