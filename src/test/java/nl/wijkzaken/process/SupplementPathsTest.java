package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.shared.EngineClock;

/**
 * Awb 4:15 and 4:5 on the bare engine with the engine clock on real dates (autumn 2026, no public holidays in the
 * way): the suspension counts from the day after the request for a supplement was sent (the mail step completed),
 * until the day of receipt, that day not counted; when the repair term lapses a person decides (4:5), and a
 * supplement that arrives late but before that decision still reaches the case.
 * <p>
 * A request received Monday 5 October 2026 has its 4:13 deadline on Monday 30 November 2026 (eight weeks); the
 * terms table gives a normal request a repair term of 14 days.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "forms/verzoek-beantwoorden.form",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form",
        "forms/buiten-behandeling-of-doorgaan.form"})
class SupplementPathsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate RECEIVED = LocalDate.of(2026, 10, 5);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 11, 30);

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();
    private final ManagementService managementService = bare.engine.getManagementService();

    private final List<String> sent = new ArrayList<>();
    private String caseNumber;
    private ProcessInstance instance;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(bare.engine);
        on(RECEIVED);
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "50000");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void theSuspensionStartsTheDayAfterTheRequestWasSentNotWhenTheOwnerJudgedIncomplete() {
        received();
        on(LocalDate.of(2026, 10, 6));
        judgeIncomplete();

        // The mail did not go out (mail server down, then an incident): nothing of 4:15 has started.
        assertThat(instance).isWaitingAt("RequestSupplement");
        assertThat(events(CaseEventType.DEADLINE_SUSPENDED)).isEmpty();
        assertThat(file().suspendedSince()).isNull();
        assertThat(escalationTimer().isSuspended()).isFalse();

        on(LocalDate.of(2026, 10, 8));
        sendMails();
        assertThat(sent).containsExactly("aanvulling-gevraagd");
        assertThat(instance).isWaitingAt(Tasks.AWAIT_SUPPLEMENT);
        assertThat(file().suspendedSince()).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(file().status()).isEqualTo(CaseStatus.AANVULLING_GEVRAAGD);
        assertThat(escalationTimer().isSuspended()).isTrue();
        // The repair term runs from the day after sending too: 14 days, last day Thursday 22 October.
        assertThat(day((Date) runtimeService.getVariable(instance.getId(), Variables.REPAIR_TERM_ENDS_AT)))
                .isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(runtimeService.getVariable(instance.getId(), "repairTermText")).isEqualTo("22-10-2026");
        assertThat(repairTimer().getDuedate()).isEqualTo(EngineClock.startOf(LocalDate.of(2026, 10, 23)));
        assertThat(events(CaseEventType.DEADLINE_SUSPENDED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("verzonden op 8-10-2026").contains("opgeschort vanaf 9-10-2026")
                        .contains("tot en met 22-10-2026"));
    }

    @Test
    void aSupplementTheDayAfterSendingAddsNoDay() {
        received();
        on(LocalDate.of(2026, 10, 6));
        judgeIncomplete();
        sendMails();

        on(LocalDate.of(2026, 10, 7));
        supplement(null);

        assertThat(instance).isWaitingAt(Tasks.CHECK_COMPLETENESS);
        assertThat(file().legalDeadline()).isEqualTo(DEADLINE);
        assertThat(file().suspendedSince()).isNull();
        CaseEvent resumed = events(CaseEventType.DEADLINE_RESUMED).get(0);
        assertThat(resumed.deadlineBefore()).isEqualTo(DEADLINE);
        assertThat(resumed.deadlineAfter()).isEqualTo(DEADLINE);
        assertThat(resumed.detail()).contains("0 dagen opgeschort");
    }

    @Test
    void twoSuspensionsAddUpAndEachCountsFromItsSendingToTheDateOfReceipt() {
        received();
        on(LocalDate.of(2026, 10, 6));
        judgeIncomplete();
        sendMails();
        // Received by post on Friday 9 October, registered on Monday 12: suspended 7 and 8 October.
        on(LocalDate.of(2026, 10, 12));
        supplement(LocalDate.of(2026, 10, 9));
        assertThat(file().legalDeadline()).isEqualTo(LocalDate.of(2026, 12, 2));

        judgeIncomplete();
        sendMails();
        // Sent Monday 12 October, received Thursday 15 October: suspended 13 and 14 October.
        on(LocalDate.of(2026, 10, 15));
        supplement(null);

        assertThat(file().legalDeadline()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(events(CaseEventType.DEADLINE_SUSPENDED)).extracting(CaseEvent::deadlineBefore, CaseEvent::deadlineAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DEADLINE, DEADLINE),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 2)));
        assertThat(events(CaseEventType.DEADLINE_RESUMED)).extracting(CaseEvent::deadlineBefore, CaseEvent::deadlineAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DEADLINE, LocalDate.of(2026, 12, 2)),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 4)));
        assertThat(sent).containsExactly("aanvulling-gevraagd", "aanvulling-gevraagd");
        // The escalation follows the deadline: the day after Friday 4 December.
        assertThat(day(escalationTimer().getDuedate())).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(escalationTimer().isSuspended()).isFalse();
    }

    @Test
    void whenTheRepairTermLapsesAPersonDecidesWithinFourWeeksAndLeavingItUnhandledIsADecisionWithReasons() {
        lapse();

        assertThat(instance).isWaitingAt(Tasks.DECIDE_NOT_HANDLED);
        Task decision = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(decision).hasName("Buiten behandeling stellen of doorgaan").hasCandidateGroup("wijkmanager-breukelen");
        // Awb 4:5 lid 4: within four weeks after the last repair day (Tuesday 20 October): Tuesday 17 November.
        assertThat(day(decision.getDueDate())).isEqualTo(LocalDate.of(2026, 11, 17));
        CaseFile file = file();
        assertThat(file.status()).isEqualTo(CaseStatus.HERSTELTERMIJN_VERSTREKEN);
        assertThat(file.outcome()).isNull();
        // Suspended from 7 October up to the day the term lapsed (21 October), that day not counted: 14 days.
        assertThat(file.legalDeadline()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(sent).isEmpty();

        on(LocalDate.of(2026, 10, 26));
        taskService.claim(decision.getId(), "wm.breukelen");
        taskService.complete(decision.getId(), Map.of(Variables.NOT_HANDLED_DECISION, "buiten-behandeling",
                Variables.NOT_HANDLED_MOTIVATION, "De foto van de plek is niet binnengekomen; zonder foto kunnen wij niet beoordelen."));
        sendMails();

        assertThat(instance).isEnded().hasPassed("ConcludeNotHandled");
        file = file();
        assertThat(file.outcome()).isEqualTo(Outcome.BUITEN_BEHANDELING);
        assertThat(file.closedOn()).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(sent).containsExactly("buiten-behandeling");
        assertThat(caseFiles.events(caseNumber)).filteredOn(e -> CaseStatus.BUITEN_BEHANDELING.text().equals(e.statusText()))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("zonder foto"));
    }

    @Test
    void aSupplementByPostAfterTheRepairTermButBeforeTheDecisionStillReachesTheCaseAndItContinues() {
        lapse();
        assertThat(instance).isWaitingAt(Tasks.DECIDE_NOT_HANDLED);

        // Posted late, received Thursday 22 October, registered Friday 23 October.
        on(LocalDate.of(2026, 10, 23));
        supplement(LocalDate.of(2026, 10, 22));

        assertThat(instance).isWaitingAt(Tasks.CHECK_COMPLETENESS).hasPassed(Tasks.LATE_SUPPLEMENT_RECEIVED);
        assertThat(runtimeService.getVariable(instance.getId(), Variables.SUPPLEMENT_TEXT)).isEqualTo("Foto van de plek bijgevoegd.");
        // The suspension ended when the term lapsed; a late supplement does not suspend again.
        assertThat(file().legalDeadline()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(file().status()).isEqualTo(CaseStatus.IN_BEHANDELING);
        assertThat(file().outcome()).isNull();
    }

    @Test
    void theOwnerMayAlsoChooseToContinueAfterTheLapse() {
        lapse();
        Task decision = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.claim(decision.getId(), "wm.breukelen");
        taskService.complete(decision.getId(), Map.of(Variables.NOT_HANDLED_DECISION, "doorgaan",
                Variables.NOT_HANDLED_MOTIVATION, "De bewoner bracht de foto aan de balie."));

        assertThat(instance).isWaitingAt(Tasks.CHECK_COMPLETENESS);
        assertThat(file().outcome()).isNull();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Received Monday 5 October, judged incomplete and the request sent Tuesday 6 October; the term lapses on the 21st. */
    private void lapse() {
        received();
        on(LocalDate.of(2026, 10, 6));
        judgeIncomplete();
        sendMails();
        sent.clear();
        on(LocalDate.of(2026, 10, 21));
        assertThat(repairTimer().getDuedate()).isEqualTo(EngineClock.startOf(LocalDate.of(2026, 10, 21)));
        managementService.executeJob(repairTimer().getId());
    }

    private void received() {
        RegisteredRequest request = bare.submitOnline("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "Bankjes in het park",
                "Graag twee bankjes bij de vijver.", "2000", Urgency.NORMAAL);
        caseNumber = request.caseNumber();
        instance = runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult();
        sendMails();
        sent.clear();
        assertThat(file().receivedOn()).isEqualTo(RECEIVED);
        assertThat(file().legalDeadline()).isEqualTo(DEADLINE);
    }

    private void judgeIncomplete() {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Tasks.CHECK_COMPLETENESS).singleResult();
        taskService.claim(task.getId(), "wm.breukelen");
        taskService.complete(task.getId(), Map.of(Variables.COMPLETENESS, "incompleet",
                Variables.COMPLETENESS_MOTIVATION, "Een foto van de plek ontbreekt."));
    }

    /** As the supplement services do: with the date of receipt staff registered, or none (the status page: today). */
    private void supplement(LocalDate receivedOn) {
        var correlation = runtimeService.createMessageCorrelation(Messages.SUPPLEMENT_RECEIVED).processInstanceBusinessKey(caseNumber)
                .setVariable(Variables.SUPPLEMENT_TEXT, "Foto van de plek bijgevoegd.");
        if (receivedOn != null) {
            correlation.setVariable(Variables.SUPPLEMENT_RECEIVED_ON, EngineClock.startOf(receivedOn));
        }
        correlation.correlate();
    }

    private void sendMails() {
        sent.addAll(bare.sendMessages(caseNumber));
    }

    private CaseFile file() {
        return caseFiles.find(caseNumber).orElseThrow();
    }

    private List<CaseEvent> events(CaseEventType type) {
        return caseFiles.events(caseNumber).stream().filter(e -> e.type() == type).toList();
    }

    private Job escalationTimer() {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(Tasks.ESCALATION_TIMER).singleResult();
    }

    private Job repairTimer() {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId("RepairTermLapsed").singleResult();
    }

    private static void on(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ZONE).toInstant()));
    }

    private static LocalDate day(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZONE);
    }
}
