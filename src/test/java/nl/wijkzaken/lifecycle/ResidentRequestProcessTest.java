package nl.wijkzaken.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.deadline.Suspension;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.MessageSteps;

/**
 * The paths of resident-request that need the whole application: intake, the mails the resident gets, the
 * application's own engine and beans (job executor off: jobs run here). Paths that only need the process and its
 * beans are tested on a bare engine: process.ResidentRequestPathsTest.
 */
@ApplicationTest
class ResidentRequestProcessTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final LegalCalendar LAW = LegalCalendar.ofLaw();

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine processEngine;
    @Autowired RequestIntake intake;
    @Autowired CaseFiles caseFiles;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired BudgetLedger budgets;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(processEngine);
    }

    /** Every grant reserves from Breukelen's budget of this year; together these tests grant more than its demo budget. */
    @BeforeEach
    void enoughBudgetInBreukelen() {
        int year = EngineClock.today().getYear();
        BigDecimal needed = new BigDecimal("50000");
        BigDecimal remaining = budgets.remaining("breukelen", year);
        if (remaining.compareTo(needed) < 0) {
            BigDecimal budget = budgets.overview("breukelen", year).orElseThrow().budget();
            budgets.changeBudget("breukelen", year, budget.add(needed.subtract(remaining)), "test", "Aanvulling voor de procestests");
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // --- registration ---------------------------------------------------------------------------------------

    @Test
    void registrationGivesASequentialCaseNumberAsBusinessKeyAndAnEightWeekDeadline() {
        RegisteredRequest first = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        RegisteredRequest second = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);

        assertThat(first.caseNumber()).matches("BV-\\d{4}-\\d{6}");
        int n1 = Integer.parseInt(first.caseNumber().substring(8));
        assertThat(second.caseNumber()).isEqualTo(first.caseNumber().substring(0, 8) + "%06d".formatted(n1 + 1));
        ProcessInstance instance = instance(first);
        assertThat(instance).hasBusinessKey(first.caseNumber()).isWaitingAt("SendAcknowledgement")
                .variables().containsEntry("neighbourhood", "breukelen").containsEntry("neighbourhoodName", "Breukelen");
        CaseFile file = caseFiles.find(first.caseNumber()).orElseThrow();
        assertThat(file.ownerGroup()).isEqualTo("wijkmanager-breukelen");
        assertThat(file.ownerTeam()).isEqualTo("Team wijk Breukelen");
        assertThat(file.legalDeadline()).as("Awb 4:13, Atw-moved").isEqualTo(LAW.termEnd(file.receivedOn().plusWeeks(8)));
        assertThat(file.status()).isEqualTo(CaseStatus.ONTVANGEN);

        runMessages(instance);
        assertThat(instance).isWaitingAt("CheckCompleteness");
        assertThat(BpmnAwareTests.task()).hasCandidateGroup("wijkmanager-breukelen").hasName("Volledigheid beoordelen");
        assertThat(messages(first)).singleElement().asString().contains("ontvangstbevestiging")
                .contains("Team wijk Breukelen");
    }

    @Test
    void anInvalidRequestIsRefusedWithDutchMessagesAndNothingIsStored() {
        long before = runtimeService.createProcessInstanceQuery().count();
        ResidentRequest request = new ResidentRequest("Jan", "jan@example.org", null, null, "atlantis",
                Category.OVERIG, "Titel", "Beschrijving", new BigDecimal("-5"), Urgency.NORMAAL, null, "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS);

        assertThatThrownBy(() -> intake.submit(request, "online"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Onbekende wijk: atlantis")
                .hasMessageContaining("Het bedrag kan niet negatief zijn.");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    // --- fast lane and completeness ---------------------------------------------------------------------------

    @Test
    void aSmallAcuteRequestTakesTheFastLaneAndTheResidentHearsTheOutcome() {
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, "500", Urgency.ACUUT);
        ProcessInstance instance = started(request);

        assertThat(instance).isWaitingAt("HandleFastLane");
        assertThat(BpmnAwareTests.task()).hasCandidateGroup("wijkmanager-breukelen");
        complete("HandleFastLane", "wm.breukelen", Map.of("outcome", "toegekend", "decisionMotivation", "Het bord wordt morgen geplaatst."));
        runMessages(instance);

        assertThat(instance).isEnded().hasPassed("ConcludeFastLane", "SendOutcome");
        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.status()).isEqualTo(CaseStatus.AFGEHANDELD);
        assertThat(file.outcome()).isEqualTo(Outcome.TOEGEKEND);
        assertThat(file.decidedAmount()).isEqualByComparingTo("500");
        assertThat(messages(request)).last().asString().contains("snelle-afhandeling").contains("bezwaar");
    }

    @Test
    void incompleteThenSupplementedSuspendsTheDeadlineForTheDaysInBetween() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        ProcessInstance instance = started(request);
        LocalDate deadline = caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline();
        LocalDate counted = caseFiles.deadline(request.caseNumber()).orElseThrow().countedDeadline();

        complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet", "completenessMotivation", "Een foto van de plek ontbreekt."));
        runMessages(instance);
        assertThat(instance).isWaitingAt("AwaitSupplement");
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().status()).isEqualTo(CaseStatus.AANVULLING_GEVRAAGD);
        assertThat(messages(request)).last().asString().contains("aanvulling-gevraagd").contains("Een foto van de plek ontbreekt.");
        assertThat(deadlineTimer(instance, "EscalationTimer").isSuspended()).isTrue();

        moveClockDays(5);
        runtimeService.createMessageCorrelation("aanvulling-ontvangen").processInstanceBusinessKey(request.caseNumber()).correlate();

        assertThat(instance).isWaitingAt("CheckCompleteness");
        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        // Awb 4:15: sent today, received five days later: the four days in between, then the Atw.
        LocalDate moved = LAW.termEnd(counted.plusDays(4));
        assertThat(file.legalDeadline()).isEqualTo(moved);
        assertThat(day(openTask(instance, "CheckCompleteness").getDueDate())).as("the new check is due on the moved deadline")
                .isEqualTo(moved);
        assertThat(statuses(request)).containsSubsequence(CaseStatus.AANVULLING_GEVRAAGD.text(),
                CaseStatus.AANVULLING_ONTVANGEN.text(), CaseStatus.IN_BEHANDELING.text());
        Job escalation = deadlineTimer(instance, "EscalationTimer");
        assertThat(escalation.isSuspended()).isFalse();
        assertThat(day(escalation.getDuedate())).isEqualTo(moved.plusDays(1));
        assertThat(caseFiles.events(request.caseNumber())).filteredOn(e -> e.type().equals(CaseEventType.DEADLINE_RESUMED))
                .singleElement().satisfies(e -> {
                    assertThat(e.deadlineBefore()).isEqualTo(deadline);
                    assertThat(e.deadlineAfter()).isEqualTo(moved);
                });
    }

    @Test
    void incompleteAndTheRepairTermLapsesSoTheRequestIsNotHandled() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        ProcessInstance instance = started(request);
        LocalDate counted = caseFiles.deadline(request.caseNumber()).orElseThrow().countedDeadline();
        complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet", "completenessMotivation", "Begroting ontbreekt."));
        runMessages(instance);

        // The repair term's last day is Atw-moved as a courtesy; it lapses the day after.
        Suspension suspension = Suspension.sentOn(LocalDate.now(ZONE), java.time.Period.ofDays(14), LAW);
        Job lapse = managementService.createJobQuery().processInstanceId(instance.getId()).activityId("RepairTermLapsed").singleResult();
        assertThat(day(lapse.getDuedate())).isEqualTo(suspension.lapsesOn());
        managementService.executeJob(lapse.getId());
        // Awb 4:5: the case does not close by itself; the owner decides.
        assertThat(instance).isWaitingAt("DecideNotHandled");
        complete("DecideNotHandled", "wm.breukelen", Map.of("notHandledDecision", "buiten-behandeling",
                "notHandledMotivation", "Zonder begroting kunnen wij niet beslissen."));
        runMessages(instance);

        assertThat(instance).isEnded().hasPassed("ConcludeNotHandled");
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline())
                .as("every day of the repair term suspended").isEqualTo(LAW.termEnd(counted.plusDays(suspension.suspendedDays(suspension.lapsesOn()))));
        assertThat(statuses(request)).contains(CaseStatus.BUITEN_BEHANDELING.text(), CaseStatus.AFGEHANDELD.text());
        assertThat(messages(request)).last().asString().contains("buiten-behandeling").contains("4:5");
    }

    @Test
    void aRequestForAnotherBodyIsForwardedAndTheResidentToldWithoutObjectionClause() {
        RegisteredRequest request = submit(Category.OVERIG, "100", Urgency.NORMAAL);
        ProcessInstance instance = started(request);
        complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "doorsturen", "competentBody", "Gedeputeerde Staten van Utrecht",
                "completenessMotivation", "Dit is een zaak van de provincie."));
        runMessages(instance);

        assertThat(instance).isEnded().hasPassed("ForwardToCompetentBody");
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().outcome()).isEqualTo(Outcome.DOORGEZONDEN);
        assertThat(messages(request)).last().asString().contains("doorgezonden").contains("Gedeputeerde Staten van Utrecht")
                .contains("Dit is een zaak van de provincie.").contains("artikel 2:3").doesNotContain("binnen 6 weken");
    }

    // --- advice, deliberation, decision -----------------------------------------------------------------------

    @Test
    void allAdvicesPositiveGoStraightToTheOwnersDecision() {
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, "2000", Urgency.NORMAAL);
        ProcessInstance instance = toAdvice(request);

        List<Task> advices = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("GiveAdvice").list();
        assertThat(advices).hasSize(2);
        assertThat(advices).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
        advise(instance, "advies-fysiek", "adv.fysiek", "positief", null);
        advise(instance, "advies-veiligheid", "adv.veiligheid", "positief", null);

        assertThat(instance).isWaitingAt("Decide").hasNotPassed("Deliberate");
        assertThat(BpmnAwareTests.task()).hasCandidateGroup("wijkmanager-breukelen");
        assertThat((String) runtimeService.getVariable(instance.getId(), "adviceSummary")).contains("adv.fysiek").contains("adv.veiligheid");
        decide(instance, "wm.breukelen", "toegekend", null);
        runMessages(instance);

        assertThat(instance).isEnded().hasPassed("ConcludeDecision").hasNotPassed("CoSignDecision");
        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.outcome()).isEqualTo(Outcome.TOEGEKEND);
        assertThat(file.decidedAmount()).isEqualByComparingTo("2000");
        assertThat(budgets.reservedForCase(request.caseNumber())).as("reserved from the buurtbudget").isEqualByComparingTo("2000");
        assertThat(messages(request)).last().asString().contains("besluit").contains("toegekend").contains("binnen 6 weken");
        assertThat(statuses(request)).containsSubsequence(CaseStatus.ONTVANGEN.text(), CaseStatus.IN_BEHANDELING.text(),
                CaseStatus.ADVIES.text(), CaseStatus.BESLUIT_GENOMEN.text(), CaseStatus.AFGEHANDELD.text());
    }

    @Test
    void deliberationWithoutAgreementLeavesTheAmountAndItsMandate() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "6000", Urgency.NORMAAL);
        ProcessInstance instance = toAdvice(request);
        advise(instance, "advies-fysiek", "adv.fysiek", "positief-onder-voorwaarden", null);
        assertThat((String) runtimeService.getVariable(instance.getId(), "adviceSummary"))
                .as("the deliberation reads the advice in words").contains("(adv.fysiek): positief onder voorwaarden.")
                .doesNotContain("positief-onder-voorwaarden");
        complete("Deliberate", "wm.breukelen", Map.of("deliberationDate", "2026-11-20", "participants", "Bewoners",
                "positions", "Geen overeenstemming", "agreementReached", false));

        assertThat(BpmnAwareTests.task()).hasDefinitionKey("Decide").hasCandidateGroup("gebiedsmanager");
        decide(instance, "gebiedsmanager", "afgewezen", null);
        runMessages(instance);

        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.outcome()).isEqualTo(Outcome.AFGEWEZEN);
        assertThat(file.decidedAmount()).isEqualByComparingTo("0");
        assertThat(budgets.movementsOfCase(request.caseNumber())).as("nothing reserved").isEmpty();
        assertThat(messages(request)).last().asString().contains("afgewezen").contains("bezwaar");
    }

    @Test
    void aPartialGrantNeedsAnAmountBelowTheAmountAsked() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        ProcessInstance instance = toDecision(request);

        claim("Decide", "wm.breukelen");
        assertThatThrownBy(() -> complete("Decide", "wm.breukelen", Map.of("outcome", "gedeeltelijk-toegekend", "decisionMotivation", "Deels.", "decidedAmount", 2500)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("gedeeltelijke toekenning");
        decide(instance, "wm.breukelen", "gedeeltelijk-toegekend", 1200);
        runMessages(instance);

        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.outcome()).isEqualTo(Outcome.GEDEELTELIJK_TOEGEKEND);
        assertThat(file.decidedAmount()).isEqualByComparingTo("1200");
        assertThat(messages(request)).last().asString().contains("gedeeltelijk toegekend");
    }

    // --- deadlines --------------------------------------------------------------------------------------------

    @Test
    void theOwnerIsRemindedAWeekBeforeAndCanExtendTheDeadlineOnceWithANotice() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        ProcessInstance instance = started(request);
        LocalDate deadline = caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline();
        Job reminder = deadlineTimer(instance, "ReminderTimer");
        assertThat(day(reminder.getDuedate())).isEqualTo(deadline.minusDays(7));
        assertThat(day(openTask(instance, "CheckCompleteness").getDueDate())).as("the owner's task is due on the legal deadline")
                .isEqualTo(deadline);

        managementService.executeJob(reminder.getId());
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("DeadlineApproaching").singleResult();
        assertThat(task).hasCandidateGroup("wijkmanager-breukelen");
        LocalDate counted = caseFiles.deadline(request.caseNumber()).orElseThrow().countedDeadline();
        complete("DeadlineApproaching", "wm.breukelen", Map.of("extendDeadline", true, "extensionReason", "Het advies van de provincie is nodig.",
                "extensionDays", 28));
        runMessages(instance);

        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        // A request to the municipality (reasonable term, 4:13 lid 2): the notice moves the deadline, counted, then Atw.
        LocalDate extended = LAW.termEnd(counted.plusDays(28));
        assertThat(file.legalDeadline()).isEqualTo(extended);
        assertThat(file.deadlineExtended()).isTrue();
        assertThat(day(deadlineTimer(instance, "EscalationTimer").getDuedate())).isEqualTo(extended.plusDays(1));
        assertThat(day(openTask(instance, "CheckCompleteness").getDueDate())).as("the open task follows the extension")
                .isEqualTo(extended);
        assertThat(messages(request)).last().asString().contains("termijn-verlengd").contains("provincie");
        assertThat(instance).isWaitingAt("CheckCompleteness");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private RegisteredRequest submit(Category category, String amount, Urgency urgency) {
        return intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, "Buurtgroep Zuid", "breukelen",
                category, "Verzoek " + category.label(), "Graag iets doen aan de buurt.", new BigDecimal(amount), urgency,
                "Straatweg 1", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), "online");
    }

    private String current;

    private ProcessInstance instance(RegisteredRequest request) {
        current = request.processInstanceId();
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult();
    }

    private ProcessInstance started(RegisteredRequest request) {
        ProcessInstance instance = instance(request);
        runMessages(instance);
        return instance;
    }

    private ProcessInstance toAdvice(RegisteredRequest request) {
        ProcessInstance instance = started(request);
        complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        assertThat(instance).isWaitingAt("GiveAdvice");
        return instance;
    }

    private ProcessInstance toDecision(RegisteredRequest request) {
        ProcessInstance instance = toAdvice(request);
        advise(instance, "advies-fysiek", "adv.fysiek", "positief", null);
        assertThat(instance).isWaitingAt("Decide");
        return instance;
    }

    private void advise(ProcessInstance instance, String group, String user, String outcome, Integer cost) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("GiveAdvice")
                .taskCandidateGroup(group).singleResult();
        taskService.claim(task.getId(), user);
        Map<String, Object> variables = new HashMap<>(Map.of("adviceOutcome", outcome, "adviceMotivation", "Zo is het."));
        if (cost != null) {
            variables.put("adviceCostEstimate", cost);
        }
        taskService.complete(task.getId(), variables);
    }

    private void decide(ProcessInstance instance, String user, String outcome, Integer amount) {
        Map<String, Object> variables = new HashMap<>(Map.of("outcome", outcome, "decisionMotivation", "Past binnen het beleid."));
        if (amount != null) {
            variables.put("decidedAmount", amount);
        }
        complete("Decide", user, variables);
    }

    private void claim(String taskKey, String user) {
        Task task = taskService.createTaskQuery().processInstanceId(current).taskDefinitionKey(taskKey).active().list().stream()
                .filter(t -> t.getAssignee() == null || t.getAssignee().equals(user)).reduce((a, b) -> b).orElseThrow();
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
    }

    private void complete(String taskKey, String user, Map<String, Object> variables) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(current).taskDefinitionKey(taskKey).active().orderByTaskCreateTime().desc().list();
        Task task = tasks.get(0);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), variables);
    }

    /** Runs the asynchronous steps (messages to the resident), not the timers. */
    private void runMessages(ProcessInstance instance) {
        MessageSteps.run(context, instance.getId());
    }

    private Job deadlineTimer(ProcessInstance instance, String activity) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
    }

    private List<String> messages(RegisteredRequest request) {
        return caseFiles.events(request.caseNumber()).stream().filter(e -> e.type().equals(CaseEventType.MESSAGE_SENT))
                .map(CaseEvent::detail).toList();
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

    private static LocalDate day(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZONE);
    }
}
