package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.BudgetMovement;
import nl.wijkzaken.budget.MovementType;
import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.models.ResidentRequestProcess.Messages;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;

/**
 * The paths of resident-request a process owner cares about, on a bare engine ({@link BareEngine}: no Spring Boot,
 * no security, no mail server) with the real beans the diagram calls and the deployed DMN tables deciding who acts.
 * What HTTP, security, Spring wiring and the mails add is tested in the full-application tests
 * (lifecycle.ResidentRequestProcessTest and others).
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "forms/verzoek-beantwoorden.form",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form"})
class ResidentRequestPathsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final BudgetLedger budgets = bare.budgets;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();
    private final ManagementService managementService = bare.engine.getManagementService();
    private final RepositoryService repositoryService = bare.engine.getRepositoryService();

    /** Messages to the resident the case's steps sent so far (templates, in order). */
    private final List<String> sent = new java.util.ArrayList<>();
    private String current;
    private String currentCase;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(bare.engine);
        // Every grant reserves from Breukelen's budget of this year.
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "50000");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        // The assertions keep their engine per thread; later tests on this thread must not get the bare one.
        BpmnAwareTests.reset();
    }

    // --- fast lane and completeness ---------------------------------------------------------------------------

    @Test
    void aSmallAcuteRequestTakesTheFastLaneAndItsGrantIsReserved() {
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, "500", Urgency.ACUUT);
        ProcessInstance instance = started(request);
        assertThat(sent).containsExactly("ontvangstbevestiging");

        assertThat(instance).isWaitingAt(Tasks.HANDLE_FAST_LANE);
        assertThat(task()).hasCandidateGroup("wijkmanager-breukelen").hasName("Snel afhandelen");
        complete(Tasks.HANDLE_FAST_LANE, "wm.breukelen", Map.of("outcome", "toegekend", "decisionMotivation", "Het bord wordt morgen geplaatst."));
        runMessages();

        assertThat(instance).isEnded().hasPassed("ConcludeFastLane", "SendOutcome").hasNotPassed(Tasks.CHECK_COMPLETENESS);
        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.status()).isEqualTo(CaseStatus.AFGEHANDELD);
        assertThat(file.outcome()).isEqualTo(Outcome.TOEGEKEND);
        assertThat(file.decidedAmount()).isEqualByComparingTo("500");
        assertThat(budgets.reservedForCase(request.caseNumber())).isEqualByComparingTo("500");
        assertThat(sent).last().isEqualTo("snelle-afhandeling");
    }

    /**
     * Awb 4:15 with real dates: received Friday 30 October 2026 (counted end Friday 25 December, Christmas; deadline
     * Monday 28 December, Atw), the supplement asked and sent the same day, received Wednesday 4 November: suspended
     * 31 October up to and including 3 November, 4 days, so the counted end is Tuesday 29 December.
     */
    @Test
    void incompleteThenSupplementedGoesBackToTheCompletenessCheckWithTheDeadlineMovedByTheDaysInBetween() {
        java.time.ZonedDateTime received = LocalDate.of(2026, 10, 30).atTime(10, 0).atZone(ZONE);
        ClockUtil.setCurrentTime(Date.from(received.toInstant()));
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        ProcessInstance instance = started(request);
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline()).isEqualTo(LocalDate.of(2026, 12, 28));

        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "incompleet", "completenessMotivation", "Een foto van de plek ontbreekt."));
        runMessages();
        assertThat(sent).last().isEqualTo("aanvulling-gevraagd");
        assertThat(instance).isWaitingAt("AwaitSupplement");
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().status()).isEqualTo(CaseStatus.AANVULLING_GEVRAAGD);
        assertThat(deadlineTimer(instance, Tasks.ESCALATION_TIMER).isSuspended()).as("the term is suspended").isTrue();

        ClockUtil.setCurrentTime(Date.from(received.plusDays(5).toInstant()));
        runtimeService.createMessageCorrelation(Messages.SUPPLEMENT_RECEIVED).processInstanceBusinessKey(request.caseNumber()).correlate();

        assertThat(instance).isWaitingAt(Tasks.CHECK_COMPLETENESS);
        assertThat(task()).hasCandidateGroup("wijkmanager-breukelen");
        assertThat(taskService.getVariables(task().getId())).as("the second check opens blank, not with last time's answer")
                .doesNotContainKeys("completeness", "completenessMotivation");
        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        LocalDate moved = LocalDate.of(2026, 12, 29);
        assertThat(file.legalDeadline()).as("25 December + 4 days, a working day").isEqualTo(moved);
        assertThat(caseFiles.deadline(request.caseNumber()).orElseThrow().countedDeadline()).isEqualTo(moved);
        assertThat(day(openTask(instance, Tasks.CHECK_COMPLETENESS).getDueDate())).as("the new check is due on the moved deadline")
                .isEqualTo(moved);
        assertThat(statuses(request)).containsSubsequence(CaseStatus.AANVULLING_GEVRAAGD.text(),
                CaseStatus.AANVULLING_ONTVANGEN.text(), CaseStatus.IN_BEHANDELING.text());
        Job escalation = deadlineTimer(instance, Tasks.ESCALATION_TIMER);
        assertThat(escalation.isSuspended()).isFalse();
        assertThat(day(escalation.getDuedate())).isEqualTo(LocalDate.of(2026, 12, 30));
    }

    // --- advice, deliberation, decision -----------------------------------------------------------------------

    @Test
    void aCompleteRequestGetsAnAdvicePerDomainThenTheMandatesDecisionAndTheGrantIsReserved() {
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, "2000", Urgency.NORMAAL);
        ProcessInstance instance = toAdvice(request);

        // advice-domains: traffic needs fysiek and veiligheid; advice-assignment: their groups and days to respond.
        List<Task> advices = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Tasks.GIVE_ADVICE).list();
        assertThat(advices).hasSize(2);
        Task physical = adviceTask(instance, "advies-fysiek");
        Task safety = adviceTask(instance, "advies-veiligheid");
        assertThat(day(physical.getDueDate())).isEqualTo(today().plusDays(11));
        assertThat(day(safety.getDueDate())).isEqualTo(today().plusDays(6));
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().status()).isEqualTo(CaseStatus.ADVIES);
        advise(instance, "advies-fysiek", "adv.fysiek", "positief", null);
        advise(instance, "advies-veiligheid", "adv.veiligheid", "positief", null);

        assertThat(instance).isWaitingAt(Tasks.DECIDE).hasNotPassed(Tasks.DELIBERATE);
        assertThat(task()).hasCandidateGroup("wijkmanager-breukelen");
        assertThat((String) runtimeService.getVariable(instance.getId(), "adviceSummary")).contains("adv.fysiek").contains("adv.veiligheid");
        decide("wm.breukelen", "toegekend", null);
        runMessages();

        assertThat(instance).isEnded().hasPassed("ConcludeDecision").hasNotPassed(Tasks.CO_SIGN_DECISION);
        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.outcome()).isEqualTo(Outcome.TOEGEKEND);
        assertThat(file.decidedAmount()).isEqualByComparingTo("2000");
        assertThat(budgets.reservedForCase(request.caseNumber())).as("reserved from the buurtbudget").isEqualByComparingTo("2000");
        assertThat(sent).containsExactly("ontvangstbevestiging", "besluit");
        assertThat(statuses(request)).containsSubsequence(CaseStatus.ONTVANGEN.text(), CaseStatus.IN_BEHANDELING.text(),
                CaseStatus.ADVIES.text(), CaseStatus.BESLUIT_GENOMEN.text(), CaseStatus.AFGEHANDELD.text());
    }

    @Test
    void conflictingAdvicesLeadToDeliberationBeforeTheDecision() {
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, "2000", Urgency.NORMAAL);
        ProcessInstance instance = toAdvice(request);
        advise(instance, "advies-fysiek", "adv.fysiek", "positief", null);
        advise(instance, "advies-veiligheid", "adv.veiligheid", "negatief", null);

        assertThat(instance).isWaitingAt(Tasks.DELIBERATE).hasNotPassed(Tasks.DECIDE);
        assertThat(task()).hasCandidateGroup("wijkmanager-breukelen");
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().status()).isEqualTo(CaseStatus.OVERLEG);
        assertThat(runtimeService.getVariable(instance.getId(), "deliberation").toString()).contains("negatief advies");
        complete(Tasks.DELIBERATE, "wm.breukelen", Map.of("deliberationDate", "2026-11-20", "participants", "Bewoners, adv.fysiek, adv.veiligheid",
                "positions", "Veiligheid wil geen drempel bij de school", "agreementReached", false));

        assertThat(instance).isWaitingAt(Tasks.DECIDE);
        assertThat(caseFiles.events(request.caseNumber())).extracting(CaseEvent::type).contains(CaseEventType.DELIBERATION);
    }

    /** Moved from lifecycle.ResidentRequestProcessTest. */
    @Test
    void aNegativeAdviceLeadsToDeliberationAndAnApplicationChangedInWritingToTheAgreedAmountIsDecidedByTheOwner() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "6000", Urgency.NORMAAL);
        ProcessInstance instance = toAdvice(request);
        advise(instance, "advies-fysiek", "adv.fysiek", "negatief", null);

        assertThat(instance).isWaitingAt(Tasks.DELIBERATE);
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().status()).isEqualTo(CaseStatus.OVERLEG);
        complete(Tasks.DELIBERATE, "wm.breukelen", Map.of("deliberationDate", "2026-11-20", "participants", "Bewoners, adv.fysiek",
                "positions", "Bewoners willen bankjes, fysiek wil geen extra onderhoud", "agreementReached", true,
                "agreedMeasures", "Twee bankjes, onderhoud door de bewonersgroep", "revisedAmount", 1800,
                "writtenChange", true, "writtenChangeDate", "2026-11-23", "writtenChangeAmount", 1800,
                "writtenChangeDescription", "Twee bankjes in plaats van vier"));

        assertThat(instance).isWaitingAt(Tasks.DECIDE);
        assertThat(task()).hasCandidateGroup("wijkmanager-breukelen");
        // The decision form shows what was agreed and why the amount changed.
        assertThat((String) taskService.getVariable(task().getId(), "deliberationSummary")).isEqualTo(
                "Overeenstemming bereikt op 20 november 2026. Deelnemers: Bewoners, adv.fysiek. Standpunten: Bewoners willen"
                        + " bankjes, fysiek wil geen extra onderhoud. Afspraken: Twee bankjes, onderhoud door de bewonersgroep."
                        + " Aanvraag schriftelijk gewijzigd op 23 november 2026: gevraagd bedrag € 1.800,00.");
        decide("wm.breukelen", "toegekend", null);
        runMessages();
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().decidedAmount()).isEqualByComparingTo("1800");
    }

    /** Moved from lifecycle.ResidentRequestProcessTest. */
    @Test
    void aCostEstimateFarAboveTheAmountAlsoNeedsDeliberation() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "1000", Urgency.NORMAAL);
        ProcessInstance instance = toAdvice(request);
        advise(instance, "advies-fysiek", "adv.fysiek", "positief", 4000);

        assertThat(instance).isWaitingAt(Tasks.DELIBERATE);
        assertThat(runtimeService.getVariable(instance.getId(), "deliberation").toString()).contains("kostenraming");
        // What the deliberation and the decider read: words and Dutch euros, not codes.
        assertThat((String) runtimeService.getVariable(instance.getId(), "adviceSummary"))
                .contains("Advies fysiek (adv.fysiek): positief. Zo is het. Kosten voor het domein fysiek: € 4.000,00.");
    }

    /**
     * The reservation runs in the transaction that completes the decision: a grant above what the ceiling leaves for
     * this application (Awb 4:25 lid 2) fails the completion, the task stays open and neither the ledger nor the case
     * file records the decision.
     */
    @Test
    void aGrantTheCeilingDoesNotCoverIsRefusedAndNothingIsStored() {
        bare.neighbourhoodWithRoom("loenen", "Loenen", "1000");
        RegisteredRequest request = submitIn("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        ProcessInstance instance = toDecision(request);
        assertThat(task()).hasCandidateGroup("wijkmanager-loenen");

        assertThatThrownBy(() -> decide("wm.loenen", "toegekend", null))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Het subsidieplafond laat dit niet toe: voor deze aanvraag is nog € 1.000,00 beschikbaar");

        assertThat(instance).isWaitingAt(Tasks.DECIDE);
        assertThat(budgets.movementsOfCase(request.caseNumber())).isEmpty();
        assertThat(caseFiles.events(request.caseNumber())).extracting(CaseEvent::type).doesNotContain(CaseEventType.DECISION);
        assertThat(runtimeService.getVariable(instance.getId(), "decidedBy")).isNull();
        decide("wm.loenen", "gedeeltelijk-toegekend", 900);
        assertThat(budgets.reservedForCase(request.caseNumber())).isEqualByComparingTo("900");
    }

    /** Moved from lifecycle.ResidentRequestProcessTest. */
    @Test
    void theGebiedsmanagerDecidesMediumAmountsWithoutCoSign() {
        ProcessInstance instance = toDecision(submit(Category.GROEN_EN_OPENBARE_RUIMTE, "8000", Urgency.NORMAAL));
        assertThat(task()).hasCandidateGroup("gebiedsmanager");
        decide("gebiedsmanager", "toegekend", null);
        assertThat(instance).hasNotPassed(Tasks.CO_SIGN_DECISION);
    }

    /**
     * Moved from lifecycle.ResidentRequestProcessTest (aboveTheCoSignThresholdTheWethouderCoSignsAndARefusalGoesBackToTheDecider),
     * with the ledger's movements added: a refused co-signing releases the reservation.
     */
    @Test
    void aboveTheCoSignThresholdTheWethouderCoSignsAndARefusalReleasesTheReservationAndGoesBackToTheDecider() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "12000", Urgency.NORMAAL);
        ProcessInstance instance = toDecision(request);
        assertThat(task()).hasCandidateGroup("gebiedsmanager");
        decide("gebiedsmanager", "toegekend", null);
        assertThat(budgets.reservedForCase(request.caseNumber())).as("reserved on the decision").isEqualByComparingTo("12000");

        assertThat(instance).isWaitingAt(Tasks.CO_SIGN_DECISION);
        assertThat(task()).hasCandidateGroup("wethouder");
        complete(Tasks.CO_SIGN_DECISION, "wethouder", Map.of("coSignDecision", "niet-akkoord", "coSignRemark", "Eerst offerte opvragen."));
        assertThat(instance).isWaitingAt(Tasks.DECIDE);
        assertThat(budgets.reservedForCase(request.caseNumber())).as("released on the refusal").isEqualByComparingTo("0");
        assertThat(budgets.movementsOfCase(request.caseNumber())).extracting(BudgetMovement::type)
                .containsExactly(MovementType.RESERVATION, MovementType.RELEASE);
        decide("gebiedsmanager", "toegekend", null);
        complete(Tasks.CO_SIGN_DECISION, "wethouder", Map.of("coSignDecision", "akkoord"));
        runMessages();

        assertThat(instance).isEnded();
        assertThat(caseFiles.events(request.caseNumber())).filteredOn(e -> e.type().equals(CaseEventType.CO_SIGNED)).hasSize(2);
        assertThat(budgets.reservedForCase(request.caseNumber())).as("reserved anew").isEqualByComparingTo("12000");
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().outcome()).isEqualTo(Outcome.TOEGEKEND);
    }

    /** Moved from lifecycle.ResidentRequestProcessTest. */
    @Test
    void largeAmountsAreDecidedByTheWethouderAndCoSignedByTheGebiedsmanager() {
        toDecision(submit(Category.GROEN_EN_OPENBARE_RUIMTE, "30000", Urgency.NORMAAL));
        assertThat(task()).hasCandidateGroup("wethouder");
        decide("wethouder", "toegekend", null);
        assertThat(task()).hasDefinitionKey(Tasks.CO_SIGN_DECISION).hasCandidateGroup("gebiedsmanager");
    }

    /** Moved from lifecycle.ResidentRequestProcessTest; over REST and Tasklist: ConflictOfInterestTest. */
    @Test
    void nobodyDecidesOnACaseTheyAdvisedOnAndNobodyCoSignsTheirOwnDecision() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "12000", Urgency.NORMAAL);
        ProcessInstance instance = toAdvice(request);
        advise(instance, "advies-fysiek", "gebiedsmanager", "positief", null);

        assertThatThrownBy(() -> claim(Tasks.DECIDE, "gebiedsmanager"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("heeft over deze zaak geadviseerd");
        decide("wethouder", "toegekend", null);
        assertThatThrownBy(() -> claim(Tasks.CO_SIGN_DECISION, "wethouder"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("iemand anders");
    }

    /** Moved from lifecycle.ResidentRequestProcessTest. */
    @Test
    void aChangedThresholdInTheDeployedMandateTableChangesWhoDecides() throws Exception {
        String table = Files.readString(Path.of("processes/decision-mandate.dmn"));
        Deployment raised = repositoryService.createDeployment().name("mandate-threshold-test")
                .addString("decision-mandate.dmn", table.replace("&lt;= 2500", "&lt;= 5000").replace("]2500..10000]", "]5000..10000]"))
                .deploy();
        try {
            toDecision(submit(Category.GROEN_EN_OPENBARE_RUIMTE, "4000", Urgency.NORMAAL));
            assertThat(task()).hasCandidateGroup("wijkmanager-breukelen");
        } finally {
            repositoryService.deleteDeployment(raised.getId(), true);
        }
        toDecision(submit(Category.GROEN_EN_OPENBARE_RUIMTE, "4000", Urgency.NORMAAL));
        assertThat(task()).hasCandidateGroup("gebiedsmanager");
    }

    // --- deadlines --------------------------------------------------------------------------------------------

    /** Moved from lifecycle.ResidentRequestProcessTest. */
    @Test
    void whenTheDeadlinePassesTheGebiedsmanagerGetsAnEscalationTask() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        ProcessInstance instance = started(request);
        Job escalation = deadlineTimer(instance, Tasks.ESCALATION_TIMER);
        assertThat(day(escalation.getDuedate())).isEqualTo(caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline().plusDays(1));

        managementService.executeJob(escalation.getId());

        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Tasks.HANDLE_ESCALATION).singleResult();
        assertThat(task).hasCandidateGroup("gebiedsmanager").hasName("Verlopen beslistermijn oppakken");
        assertThat(caseFiles.events(request.caseNumber())).extracting(CaseEvent::type).contains(CaseEventType.DEADLINE_ESCALATED);
        assertThat(instance).isWaitingAt(Tasks.CHECK_COMPLETENESS, Tasks.HANDLE_ESCALATION);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private RegisteredRequest submit(Category category, String amount, Urgency urgency) {
        return submitIn("breukelen", category, amount, urgency);
    }

    private RegisteredRequest submitIn(String neighbourhood, Category category, String amount, Urgency urgency) {
        RegisteredRequest request = bare.submitOnline(neighbourhood, category, amount, urgency);
        current = request.processInstanceId();
        currentCase = request.caseNumber();
        sent.clear();
        return request;
    }

    private ProcessInstance started(RegisteredRequest request) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult();
        assertThat(instance).hasBusinessKey(request.caseNumber()).isWaitingAt("SendAcknowledgement");
        runMessages();
        return instance;
    }

    private ProcessInstance toAdvice(RegisteredRequest request) {
        ProcessInstance instance = started(request);
        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        assertThat(instance).isWaitingAt(Tasks.GIVE_ADVICE);
        return instance;
    }

    private ProcessInstance toDecision(RegisteredRequest request) {
        ProcessInstance instance = toAdvice(request);
        advise(instance, "advies-fysiek", "adv.fysiek", "positief", null);
        assertThat(instance).isWaitingAt(Tasks.DECIDE);
        return instance;
    }

    private Task adviceTask(ProcessInstance instance, String group) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Tasks.GIVE_ADVICE)
                .taskCandidateGroup(group).singleResult();
    }

    private void advise(ProcessInstance instance, String group, String user, String outcome, Integer cost) {
        Task task = adviceTask(instance, group);
        taskService.claim(task.getId(), user);
        Map<String, Object> variables = new HashMap<>(Map.of("adviceOutcome", outcome, "adviceMotivation", "Zo is het."));
        if (cost != null) {
            variables.put("adviceCostEstimate", cost);
        }
        taskService.complete(task.getId(), variables);
    }

    private void decide(String user, String outcome, Integer amount) {
        Map<String, Object> variables = new HashMap<>(Map.of("outcome", outcome, "decisionMotivation", "Past binnen het beleid."));
        if (amount != null) {
            variables.put("decidedAmount", amount);
        }
        complete(Tasks.DECIDE, user, variables);
    }

    private void claim(String taskKey, String user) {
        Task task = taskService.createTaskQuery().processInstanceId(current).taskDefinitionKey(taskKey).active().list().stream()
                .filter(t -> t.getAssignee() == null || t.getAssignee().equals(user)).reduce((a, b) -> b).orElseThrow();
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
    }

    /** As a person in Tasklist: claim, then complete. */
    private void complete(String taskKey, String user, Map<String, Object> variables) {
        bare.completeAsPerson(current, taskKey, user, variables);
    }

    /** The message steps (external tasks), completed as the mail worker does once the mail went out. */
    private void runMessages() {
        sent.addAll(bare.sendMessages(currentCase));
    }

    private Job deadlineTimer(ProcessInstance instance, String activity) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
    }

    private List<String> statuses(RegisteredRequest request) {
        return caseFiles.events(request.caseNumber()).stream().map(CaseEvent::statusText).filter(s -> s != null).toList();
    }

    private Task openTask(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    private void moveClockDays(int days) {
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(days))));
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static LocalDate day(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZONE);
    }
}
