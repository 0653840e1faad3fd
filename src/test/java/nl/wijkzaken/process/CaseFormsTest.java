package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.models.ResidentRequestProcess.Messages;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Issue 17, the task forms (bare engine, real beans and tables): every task carries the case summary, the advisers'
 * costs count per domain, and co-signing is an explicit choice.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "forms/verzoek-beantwoorden.form",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form"})
class CaseFormsTest {

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final BudgetLedger budgets = bare.budgets;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();

    private String current;
    private String currentCase;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(bare.engine);
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "50000");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // --- 1. every task form carries the case ------------------------------------------------------------------

    @Test
    void everyTaskCarriesTheCaseInDutchWordsAndEurosFromRequestToCoSigning() {
        RegisteredRequest request = submit(Category.SPELEN_EN_SPORT, "12000");
        ProcessInstance instance = started(request);
        LocalDate deadline = caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline();
        long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(EngineClock.today(), deadline);

        String check = summaryOf(Tasks.CHECK_COMPLETENESS);
        assertThat(check).startsWith(request.caseNumber() + " · Breukelen · ")
                .contains("Verzoek: Nieuw speeltoestel. Graag een klimrek op het plein.")
                .contains("Aanvrager: Fatima de Vries, namens Buurtgroep Zuid")
                .contains("Gevraagd bedrag: € 12.000,00; te besluiten: € 12.000,00")
                .contains("Beslistermijn: uiterlijk " + DutchFormat.date(deadline) + ", nog " + daysLeft + " dagen");

        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Een tekening van de plek ontbreekt."));
        bare.sendMessages(currentCase);
        caseFiles.recordEvent(currentCase, CaseEventType.SUPPLEMENT_RECEIVED, null, "Tekening bijgevoegd.", "bewoner");
        runtimeService.createMessageCorrelation(Messages.SUPPLEMENT_RECEIVED).processInstanceBusinessKey(currentCase).correlate();
        String recheck = summaryOf(Tasks.CHECK_COMPLETENESS);
        assertThat(recheck).contains("Volledigheid:\n- Incompleet, aanvulling gevraagd op " + DutchFormat.date(EngineClock.today()))
                .contains("Gevraagd: Een tekening van de plek ontbreekt.")
                .contains("- Aanvulling ontvangen op " + DutchFormat.date(EngineClock.today()) + ": Tekening bijgevoegd.");
        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Nu compleet."));

        assertThat(instance).isWaitingAt(Tasks.GIVE_ADVICE);
        assertThat(summaryOf(Tasks.GIVE_ADVICE)).contains("- Compleet: Nu compleet.").doesNotContain("Adviezen:");
        advise(instance, "advies-fysiek", "adv.fysiek", "negatief", Map.of("adviceCostEstimate", 9000));
        advise(instance, "advies-sociaal", "adv.sociaal", "positief-onder-voorwaarden",
                Map.of("adviceConditions", "Buurtgroep beheert de sleutel.", "adviceCostEstimate", 500));

        assertThat(instance).isWaitingAt(Tasks.DELIBERATE);
        String deliberate = summaryOf(Tasks.DELIBERATE);
        assertThat(deliberate).contains("Adviezen:\n- Fysiek (adv.fysiek): negatief; kosten voor dit domein: € 9.000,00\n"
                        + "- Sociaal (adv.sociaal): positief onder voorwaarden; voorwaarden: Buurtgroep beheert de sleutel.;"
                        + " kosten voor dit domein: € 500,00\nKosten van alle domeinen samen: € 9.500,00")
                .contains("Overleg: nodig (er is een negatief advies), nog niet gehouden")
                .doesNotContain("positief-onder-voorwaarden", "negatief-", "12000.0");
        complete(Tasks.DELIBERATE, "wm.breukelen", Map.of("deliberationDate", "2026-11-20", "participants", "Bewoners, adv.fysiek",
                "positions", "Fysiek wil een kleiner toestel", "agreementReached", true,
                "agreedMeasures", "Kleiner klimrek", "revisedAmount", 11000,
                "writtenChange", true, "writtenChangeDate", "2026-11-23", "writtenChangeAmount", 11000));

        assertThat(instance).isWaitingAt(Tasks.DECIDE);
        assertThat(summaryOf(Tasks.DECIDE))
                .contains("Gevraagd bedrag: € 12.000,00; te besluiten: € 11.000,00 (aanvraag schriftelijk gewijzigd)")
                .contains("Overleg: Overeenstemming bereikt op 20 november 2026. Deelnemers: Bewoners, adv.fysiek.")
                .contains("Aanvraag schriftelijk gewijzigd op 23 november 2026: gevraagd bedrag € 11.000,00.");
        complete(Tasks.DECIDE, "gebiedsmanager", Map.of("outcome", "toegekend", "decisionMotivation", "Past binnen het beleid."));

        assertThat(instance).isWaitingAt(Tasks.CO_SIGN_DECISION);
        assertThat(summaryOf(Tasks.CO_SIGN_DECISION)).contains("Besluit: Toegekend, € 11.000,00, door gebiedsmanager");
    }

    @Test
    void theDeadlineLineSaysWhenTheTermHasPassed() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000");
        ProcessInstance instance = started(request);
        LocalDate deadline = caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline();
        ClockUtil.setCurrentTime(EngineClock.startOf(deadline.plusDays(3)));
        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        assertThat(instance).isWaitingAt(Tasks.GIVE_ADVICE);
        assertThat(summaryOf(Tasks.GIVE_ADVICE))
                .endsWith("Beslistermijn: uiterlijk " + DutchFormat.date(deadline) + ", 3 dagen verstreken");
    }

    /**
     * A guard for every user task to come (issues 15, 16, …): the task calls {@code ${caseSummary.refresh(task)}} on
     * create and its form opens with the read-only {@code caseSummary}.
     */
    @Test
    void everyUserTaskOfTheDiagramHasTheSummaryListenerAndItsFormStartsWithTheSummary() throws Exception {
        org.camunda.bpm.model.bpmn.BpmnModelInstance model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(
                getClass().getResourceAsStream("/processes/resident-request.bpmn"));
        java.util.Collection<org.camunda.bpm.model.bpmn.instance.UserTask> userTasks =
                model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class);
        assertThat(userTasks).hasSizeGreaterThanOrEqualTo(9);
        for (org.camunda.bpm.model.bpmn.instance.UserTask userTask : userTasks) {
            assertThat(userTask.getExtensionElements()).as(userTask.getName()).isNotNull();
            assertThat(userTask.getExtensionElements().getElementsQuery()
                    .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class).list())
                    .as("'%s' sets the case summary on create", userTask.getName())
                    .anyMatch(listener -> "create".equals(listener.getCamundaEvent())
                            && "${caseSummary.refresh(task)}".equals(listener.getCamundaExpression()));
            com.fasterxml.jackson.databind.JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    getClass().getResourceAsStream("/forms/" + userTask.getCamundaFormRef() + ".form"));
            com.fasterxml.jackson.databind.JsonNode first = form.path("components").get(0);
            assertThat(first.path("key").asText()).as(userTask.getCamundaFormRef()).isEqualTo("caseSummary");
            assertThat(first.path("type").asText()).isEqualTo("textarea");
            assertThat(first.path("disabled").asBoolean()).as("read-only").isTrue();
            assertThat(first.path("label").asText()).isEqualTo("De zaak in het kort");
        }
    }

    @Test
    void theReceiptFormShowsTheCaseNumberTheStatusLinkAndTheLinkToPrintNothingToFillIn() throws Exception {
        com.fasterxml.jackson.databind.JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(getClass().getResourceAsStream("/forms/ontvangstbewijs-geven.form"));
        assertThat(component(form, "caseNumber").path("disabled").asBoolean()).isTrue();
        assertThat(component(form, "statusLink").path("disabled").asBoolean()).isTrue();
        assertThat(component(form, "statusLink").path("label").asText()).isEqualTo("Persoonlijke statuslink van de aanvrager");
        assertThat(form.path("components").findValuesAsText("text")).anySatisfy(text ->
                assertThat(text).contains("zaaknummer {{caseNumber}}", "(/staff/ontvangstbewijs/{{caseNumber}})"));
        for (com.fasterxml.jackson.databind.JsonNode component : form.path("components")) {
            assertThat(!component.has("key") || component.path("disabled").asBoolean())
                    .as("nothing to fill in: %s", component.path("key").asText()).isTrue();
        }
    }

    // --- 3. costs count per domain ----------------------------------------------------------------------------

    @Test
    void eachAdviserGivesTheCostOfTheirOwnDomainAndTheTotalIsTheirSum() {
        // € 1.500 asked; fysiek and veiligheid advise. Each gives the cost of its own part: no deliberation.
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, "1500");
        ProcessInstance instance = toAdvice(request);
        advise(instance, "advies-fysiek", "adv.fysiek", "positief", Map.of("adviceCostEstimate", 1400));
        advise(instance, "advies-veiligheid", "adv.veiligheid", "positief", Map.of("adviceCostEstimate", 100));

        assertThat(instance).isWaitingAt(Tasks.DECIDE).hasNotPassed(Tasks.DELIBERATE);
        assertThat(runtimeService.getVariable(instance.getId(), "totalCostEstimate")).isEqualTo(1500.0);
        assertThat(runtimeService.getVariable(instance.getId(), "deliberation").toString())
                .contains("Adviezen positief en kosten passend");
        assertThat(summaryOf(Tasks.DECIDE)).contains("Kosten van alle domeinen samen: € 1.500,00");
    }

    @Test
    void aDomainCountsOnceWhenItsAdviceIsGivenAgain() {
        List<Map<String, String>> advices = new java.util.ArrayList<>();
        advices.add(new HashMap<>(Map.of(AdviceRound.DOMAIN, "fysiek", AdviceRound.COST, "1000.00")));
        advices.add(new HashMap<>(Map.of(AdviceRound.DOMAIN, "sociaal", AdviceRound.COST, "300.00")));
        advices.add(new HashMap<>(Map.of(AdviceRound.DOMAIN, "veiligheid")));
        assertThat(AdviceRound.totalCost(advices)).isEqualByComparingTo("1300");
    }

    @Test
    void theCostFieldOfTheAdviceFormSaysItIsTheCostOfTheAdvisersOwnDomain() throws Exception {
        com.fasterxml.jackson.databind.JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(getClass().getResourceAsStream("/forms/advies-geven.form"));
        com.fasterxml.jackson.databind.JsonNode cost = component(form, "adviceCostEstimate");
        assertThat(cost.path("label").asText()).isEqualTo("Kosten voor uw eigen domein (EUR)");
        assertThat(cost.path("description").asText()).contains("niet het hele project");
        assertThat(form.path("components").get(0).path("key").asText()).isEqualTo("caseSummary");
    }

    // --- 4. co-signing is an explicit choice ------------------------------------------------------------------

    @Test
    void coSigningWithoutAChoiceIsRefusedAndNotAgreedNeedsARemark() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "12000");
        ProcessInstance instance = toAdvice(request);
        advise(instance, "advies-fysiek", "adv.fysiek", "positief", Map.of());
        complete(Tasks.DECIDE, "gebiedsmanager", Map.of("outcome", "toegekend", "decisionMotivation", "Goed plan."));
        assertThat(instance).isWaitingAt(Tasks.CO_SIGN_DECISION);

        assertThatThrownBy(() -> complete(Tasks.CO_SIGN_DECISION, "wethouder", Map.of()))
                .rootCause().isInstanceOf(Refusal.class).hasMessage("Kies bij de medeondertekening Akkoord of Niet akkoord.");
        assertThatThrownBy(() -> complete(Tasks.CO_SIGN_DECISION, "wethouder", Map.of("coSignDecision", "niet-akkoord")))
                .rootCause().isInstanceOf(Refusal.class).hasMessage("Licht toe waarom u niet akkoord bent met het besluit.");
        assertThat(instance).isWaitingAt(Tasks.CO_SIGN_DECISION);
        assertThat(budgets.reservedForCase(request.caseNumber())).as("nothing released").isEqualByComparingTo("12000");

        complete(Tasks.CO_SIGN_DECISION, "wethouder", Map.of("coSignDecision", "niet-akkoord", "coSignRemark", "Eerst een offerte."));
        assertThat(instance).isWaitingAt(Tasks.DECIDE);
        assertThat(runtimeService.getVariable(instance.getId(), "coSignAgreed")).isEqualTo(false);
        complete(Tasks.DECIDE, "gebiedsmanager", Map.of("outcome", "toegekend", "decisionMotivation", "Met offerte."));
        complete(Tasks.CO_SIGN_DECISION, "wethouder", Map.of("coSignDecision", "akkoord"));
        assertThat(runtimeService.getVariable(instance.getId(), "coSignAgreed")).isEqualTo(true);
        assertThat(instance).isWaitingAt("SendOutcome");
    }

    @Test
    void theCoSignFormAsksAkkoordOrNietAkkoordAsARequiredChoice() throws Exception {
        com.fasterxml.jackson.databind.JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(getClass().getResourceAsStream("/forms/besluit-medeondertekenen.form"));
        com.fasterxml.jackson.databind.JsonNode choice = component(form, "coSignDecision");
        assertThat(choice.path("type").asText()).isEqualTo("radio");
        assertThat(choice.path("validate").path("required").asBoolean()).isTrue();
        assertThat(choice.path("values").findValuesAsText("label")).containsExactly("Akkoord", "Niet akkoord");
        assertThat(choice.path("values").findValuesAsText("value")).containsExactly("akkoord", "niet-akkoord");
        assertThat(component(form, "coSignAgreed")).as("no checkbox whose empty state means refusing").isNull();
        assertThat(component(form, "coSignRemark").path("label").asText()).isEqualTo("Opmerking (verplicht bij niet akkoord)");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static com.fasterxml.jackson.databind.JsonNode component(com.fasterxml.jackson.databind.JsonNode form, String key) {
        for (com.fasterxml.jackson.databind.JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        return null;
    }

    private RegisteredRequest submit(Category category, String amount) {
        RegisteredRequest request = category == Category.SPELEN_EN_SPORT
                ? bare.submitOnline("breukelen", category, "Nieuw speeltoestel", "Graag een klimrek op het plein.", amount,
                        Urgency.NORMAAL)
                : bare.submitOnline("breukelen", category, amount, Urgency.NORMAAL);
        current = request.processInstanceId();
        currentCase = request.caseNumber();
        return request;
    }

    private ProcessInstance started(RegisteredRequest request) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult();
        bare.sendMessages(request.caseNumber());
        return instance;
    }

    private ProcessInstance toAdvice(RegisteredRequest request) {
        ProcessInstance instance = started(request);
        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        assertThat(instance).isWaitingAt(Tasks.GIVE_ADVICE);
        return instance;
    }

    private void advise(ProcessInstance instance, String group, String user, String outcome, Map<String, Object> more) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Tasks.GIVE_ADVICE)
                .taskCandidateGroup(group).singleResult();
        taskService.claim(task.getId(), user);
        Map<String, Object> variables = new HashMap<>(Map.of("adviceOutcome", outcome, "adviceMotivation", "Zo is het."));
        variables.putAll(more);
        taskService.complete(task.getId(), variables);
    }

    private Task openTask(String taskKey) {
        return taskService.createTaskQuery().processInstanceId(current).taskDefinitionKey(taskKey).active()
                .orderByTaskCreateTime().desc().list().get(0);
    }

    private String summaryOf(String taskKey) {
        Task task = openTask(taskKey);
        return (String) taskService.getVariableLocal(task.getId(), CaseSummary.VARIABLE);
    }

    /** As a person in Tasklist: claim, then complete. */
    private void complete(String taskKey, String user, Map<String, Object> variables) {
        bare.completeAsPerson(current, taskKey, user, variables);
    }
}
