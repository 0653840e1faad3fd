package nl.wijkzaken.penalty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
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
import nl.wijkzaken.casefile.Route;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.casefile.PenaltyOutcome;
import nl.wijkzaken.models.ResidentRequestProcess.Penalty;
import nl.wijkzaken.penalty.PenaltyState;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;

/**
 * "Dwangsom bij niet tijdig beslissen" on a bare engine, moving the engine clock through real dates (Awb 4:17, 4:18):
 * notice received Tuesday 1 December 2026 after the deadline of 27 October; the two weeks end 15 December; day 1 is
 * 16 December; the decision is sent on day 20 (Monday 4 January 2027): 14 × 23 + 6 × 35 = € 532, fixed by decision.
 */
@Deployment(resources = {"processes/penalty.bpmn", "processes/decision-mandate.dmn", "forms/ingebrekestelling-registreren.form",
        "forms/dwangsom-loopt.form", "forms/dwangsom-vaststellen.form"})
class PenaltyProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = PenaltyEngine.extension();

    private static int cases = 0;

    private final PenaltyEngine bare = PenaltyEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();
    private final ManagementService managementService = bare.engine.getManagementService();

    private String caseNumber;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(bare.engine);
        caseNumber = String.format("BV-2026-%06d", 900 + ++cases);
        // Received 1 September 2026; legal deadline 27 October 2026 (8 weeks).
        at(LocalDateTime.of(2026, 9, 1, 9, 0));
        caseFiles.open(new CaseFile(caseNumber, "pi-" + caseNumber, "online", "Fatima Bakker", "fatima@example.org",
                "breukelen", "overig", "Bankje bij de speeltuin", new BigDecimal("3000.00"), "normaal",
                "wijkmanager-breukelen", "Wijkteam Breukelen", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 27),
                null, false, CaseStatus.IN_BEHANDELING, null, null, null));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void noticeOfDefault_penaltyAccrues_decisionSentOnDayTwenty_fixedAt532ByDecision() {
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        ProcessInstance instance = noticeFromResident("2026-12-01");
        assertThat(instance).isWaitingAt("AwaitDayOne");
        assertThat(instance.getBusinessKey()).isEqualTo(caseNumber);
        PenaltyState notice = bare.records.find(caseNumber).orElseThrow();
        assertThat(notice.firstDay()).isEqualTo(LocalDate.of(2026, 12, 16));
        assertThat(notice.noticeChannel()).isEqualTo("elektronisch, via de statuspagina");
        assertThat(notice.inWords(LocalDate.of(2026, 12, 1))).contains("ontvangen op 1 december 2026")
                .contains("niet uiterlijk 15 december 2026").contains("vanaf 16 december 2026");
        assertThat(types()).contains(CaseEventType.NOTICE_OF_DEFAULT_RECEIVED);

        // Not yet on 15 December: the two weeks run to the end of that day.
        at(LocalDateTime.of(2026, 12, 15, 23, 0));
        assertThat(dueJobs()).isEmpty();

        // Day 1: 16 December.
        at(LocalDateTime.of(2026, 12, 16, 0, 30));
        runDueJobs();
        assertThat(instance).isWaitingAt(Penalty.PENALTY_RUNNING);
        Task running = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(running.getName()).isEqualTo("Dwangsom loopt: besluit versturen");
        assertThat(candidates(running)).containsExactlyInAnyOrder("wijkmanager-breukelen", "gebiedsmanager");
        assertThat(amountSoFar(instance)).isEqualTo(23.0);
        assertThat(types()).contains(CaseEventType.PENALTY_STARTED);

        // Day 14 (29 December): the daily timer brings the amount so far to 14 × 23.
        at(LocalDateTime.of(2026, 12, 29, 6, 0));
        runDueJobs();
        assertThat(amountSoFar(instance)).isEqualTo(322.0);
        assertThat((String) runtimeService.getVariable(instance.getId(), Penalty.PENALTY_SO_FAR_TEXT))
                .contains("sinds 16 december 2026").contains("14 dagen").contains(DutchFormat.euro(new BigDecimal("322")));

        // Completing the running task records what the team agreed; it comes back, the penalty runs on.
        taskService.claim(running.getId(), "gebiedsmanager.test");
        assertThatThrownBy(() -> taskService.complete(running.getId(), Map.of(Penalty.PENALTY_AGREEMENT, " ")))
                .satisfies(e -> assertThat(Refusal.in(e)).isPresent());
        taskService.complete(running.getId(), Map.of(Penalty.PENALTY_AGREEMENT, "Besluit gaat maandag per post."));
        assertThat(instance).isWaitingAt(Penalty.PENALTY_RUNNING);
        assertThat(lastEvent(CaseEventType.PENALTY_AGREEMENT).detail()).contains("€ 322,00", "Besluit gaat maandag per post.");
        assertThat(lastEvent(CaseEventType.PENALTY_AGREEMENT).actor()).isEqualTo("gebiedsmanager.test");
        assertThat(runtimeService.getVariable(instance.getId(), Penalty.PENALTY_AGREEMENT)).isNull();

        // Day 20, Monday 4 January 2027: the decision is sent.
        at(LocalDateTime.of(2027, 1, 4, 14, 0));
        caseFiles.recordDecisionSent(caseNumber, LocalDate.of(2027, 1, 4), "per post", "post");
        assertThat(instance).isWaitingAt(Penalty.FIX_PENALTY);
        PenaltyState stopped = bare.records.find(caseNumber).orElseThrow();
        assertThat(stopped.lastDayOwed()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(stopped.daysOwed()).isEqualTo(20);
        assertThat(stopped.amountOwed()).isEqualByComparingTo("532");
        assertThat(stopped.fixBy()).isEqualTo(LocalDate.of(2027, 1, 18));
        Task fix = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(fix.getName()).isEqualTo("Dwangsom vaststellen");
        assertThat(fix.getDueDate()).isEqualTo(startOf(LocalDate.of(2027, 1, 18)));
        // Awb 4:18 under mandate: the decision-mandate table names the gebiedsmanager for decision type "dwangsom".
        assertThat(candidates(fix)).containsExactly("gebiedsmanager");
        assertThat(lastEvent(CaseEventType.PENALTY_STOPPED).detail()).contains("Besluit verzonden op 4 januari 2027")
                .contains("20 dagen").contains("€ 532,00");

        // The decision fixing it (4:18), by the person who claimed the task.
        at(LocalDateTime.of(2027, 1, 6, 11, 0));
        taskService.claim(fix.getId(), "wm.breukelen");
        taskService.complete(fix.getId(), Map.of(Penalty.PENALTY_DECISION, PenaltyOutcome.VASTGESTELD.code(),
                Penalty.PENALTY_MOTIVATION, "Het besluit is 20 dagen na de ingebrekestelling-termijn verzonden."));
        assertThat(instance).isEnded().hasPassed("RecordFixedPenalty");
        PenaltyState fixed = bare.records.find(caseNumber).orElseThrow();
        assertThat(fixed.outcome()).isEqualTo(PenaltyOutcome.VASTGESTELD);
        assertThat(fixed.fixedAmount()).isEqualByComparingTo("532");
        assertThat(fixed.decidedBy()).isEqualTo("wm.breukelen");
        assertThat(fixed.fixedOn()).isEqualTo(LocalDate.of(2027, 1, 6));
        assertThat(fixed.paymentTo()).isEqualTo("Fatima Bakker");
        // 4:87 lid 1: paid within six weeks.
        assertThat(fixed.paymentDueOn()).isEqualTo(LocalDate.of(2027, 2, 17));
        assertThat(fixed.inWords(LocalDate.of(2027, 1, 6))).contains("vast te stellen op € 532,00")
                .contains("uiterlijk 17 februari 2027 aan Fatima Bakker");
        assertThat(types()).containsSubsequence(CaseEventType.NOTICE_OF_DEFAULT_RECEIVED, CaseEventType.PENALTY_STARTED,
                CaseEventType.DECISION_SENT, CaseEventType.PENALTY_STOPPED, CaseEventType.PENALTY_FIXED);
        assertThat(lastEvent(CaseEventType.PENALTY_FIXED).actor()).isEqualTo("wm.breukelen");
        // Every penalty event is a deadline event for the dossier, and has words for the resident's timeline.
        assertThat(caseFiles.events(caseNumber).stream().filter(e -> e.type() != CaseEventType.DECISION_SENT
                && e.type() != CaseEventType.STATUS).allMatch(e -> e.type().concernsDeadline())).isTrue();
        assertThat(caseFiles.events(caseNumber).stream().map(CaseEvent::statusText).toList()).contains(
                "Ingebrekestelling ontvangen", "Dwangsom loopt", "Dwangsom gestopt", "Dwangsom vastgesteld");
    }

    @Test
    void art4_17_lid6_aReasonedChoiceFixesNothing() {
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        ProcessInstance instance = noticeFromResident("2026-12-01");
        at(LocalDateTime.of(2026, 12, 16, 1, 0));
        runDueJobs();
        at(LocalDateTime.of(2026, 12, 18, 9, 0));
        caseFiles.recordDecisionSent(caseNumber, LocalDate.of(2026, 12, 18), "per e-mail", "mail");
        assertThat(bare.records.find(caseNumber).orElseThrow().amountOwed()).isEqualByComparingTo("69");
        Task fix = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.claim(fix.getId(), "wm.breukelen");
        // A choice without reasons is refused, nothing changes.
        assertThatThrownBy(() -> taskService.complete(fix.getId(), Map.of(Penalty.PENALTY_DECISION,
                PenaltyOutcome.KENNELIJK_ONGEGROND.code(), Penalty.PENALTY_MOTIVATION, " ")))
                .satisfies(e -> assertThat(Refusal.in(e)).isPresent());
        assertThat(instance).isWaitingAt(Penalty.FIX_PENALTY);
        taskService.complete(fix.getId(), Map.of(Penalty.PENALTY_DECISION, PenaltyOutcome.KENNELIJK_ONGEGROND.code(),
                Penalty.PENALTY_MOTIVATION, "De aanvraag ging over een activiteit buiten de gemeente."));
        PenaltyState fixed = bare.records.find(caseNumber).orElseThrow();
        assertThat(fixed.outcome()).isEqualTo(PenaltyOutcome.KENNELIJK_ONGEGROND);
        assertThat(fixed.fixedAmount()).isEqualByComparingTo("0");
        assertThat(fixed.paymentDueOn()).isNull();
        assertThat(lastEvent(CaseEventType.PENALTY_FIXED).detail()).contains("kennelijk ongegrond")
                .contains("De aanvraag ging over een activiteit buiten de gemeente.");
    }

    @Test
    void decisionSentWithinTheTwoWeeksOwesNothing() {
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        ProcessInstance instance = noticeFromResident("2026-12-01");
        at(LocalDateTime.of(2026, 12, 15, 16, 0));
        caseFiles.recordDecisionSent(caseNumber, LocalDate.of(2026, 12, 15), "per e-mail", "mail");
        assertThat(instance).isEnded().hasPassed("NoPenalty");
        assertThat(bare.records.find(caseNumber).orElseThrow().inWords(LocalDate.of(2026, 12, 15)))
                .contains("geen dwangsom verschuldigd");
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void afterDay42ThePenaltyStopsAtTheMaximum() {
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        ProcessInstance instance = noticeFromResident("2026-12-01");
        at(LocalDateTime.of(2026, 12, 16, 1, 0));
        runDueJobs();
        // Day 42 is 26 January 2027; the penalty stops at the start of 27 January.
        at(LocalDateTime.of(2027, 1, 27, 0, 30));
        runDueJobs();
        assertThat(instance).isWaitingAt(Penalty.FIX_PENALTY);
        PenaltyState stopped = bare.records.find(caseNumber).orElseThrow();
        assertThat(stopped.lastDayOwed()).isEqualTo(LocalDate.of(2027, 1, 26));
        assertThat(stopped.daysOwed()).isEqualTo(42);
        assertThat(stopped.amountOwed()).isEqualByComparingTo("1442");
        assertThat(lastEvent(CaseEventType.PENALTY_STOPPED).detail()).contains("maximum van 42 dagen");
    }

    @Test
    void aNoticeBeforeTheDeadlineHasPassedIsRefusedAndNothingIsStored() {
        at(LocalDateTime.of(2026, 10, 27, 10, 0));
        assertThatThrownBy(() -> noticeFromResident("2026-10-27"))
                .satisfies(e -> assertThat(Refusal.in(e)).hasValueSatisfying(r -> assertThat(r.getMessage())
                        .contains("loopt tot en met 27 oktober 2026")));
        assertThat(bare.records.find(caseNumber)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
        assertThat(types()).doesNotContain(CaseEventType.NOTICE_OF_DEFAULT_RECEIVED);
    }

    @Test
    void aRequestForTheMunicipalityToActHasNoPenaltyTheNoticeIsRefusedAndNothingIsStored() {
        // Awb 4:17 lid 1: decisions on applications only; route verzoek is no application (LEGAL.md 1, 6).
        caseFiles.recordRoute(caseNumber, Route.VERZOEK, "De gemeente wordt gevraagd het uit te voeren");
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        assertThatThrownBy(() -> noticeFromResident("2026-12-01"))
                .satisfies(e -> assertThat(Refusal.in(e)).hasValueSatisfying(r -> assertThat(r.getMessage())
                        .contains("geldt geen dwangsom", "verzoek aan de gemeente", "artikel 4:17")));
        assertThat(bare.records.find(caseNumber)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
        assertThat(types()).doesNotContain(CaseEventType.NOTICE_OF_DEFAULT_RECEIVED);
    }

    @Test
    void aSubsidyApplicationKeepsThePenalty() {
        caseFiles.recordRoute(caseNumber, Route.SUBSIDIE, "De bewoners voeren zelf een activiteit uit en vragen daarvoor een bijdrage");
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        noticeFromResident("2026-12-01");
        assertThat(bare.records.find(caseNumber)).isPresent();
    }

    @Test
    void aClosedCaseTakesNoNotice() {
        at(LocalDateTime.of(2026, 11, 20, 10, 0));
        caseFiles.conclude(caseNumber, CaseStatus.AFGEHANDELD, nl.wijkzaken.casefile.Outcome.AFGEWEZEN, null,
                "Afgewezen", "wm.breukelen");
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        assertThatThrownBy(() -> noticeFromResident("2026-12-01"))
                .satisfies(e -> assertThat(Refusal.in(e)).hasValueSatisfying(r -> assertThat(r.getMessage())
                        .contains("is afgesloten op 20 november 2026")));
        assertThat(bare.records.find(caseNumber)).isEmpty();
    }

    @Test
    void oneNoticePerCase() {
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        noticeFromResident("2026-12-01");
        assertThatThrownBy(() -> noticeFromResident("2026-12-01"))
                .satisfies(e -> assertThat(Refusal.in(e)).hasValueSatisfying(r -> assertThat(r.getMessage())
                        .contains("is al een ingebrekestelling ontvangen op 1 december 2026")));
    }

    @Test
    void withoutAPersonAndNotFromTheStatusPageTheStartIsRefused() {
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(Penalty.KEY, Map.of(
                Penalty.CASE_NUMBER, caseNumber, Penalty.NOTICE_RECEIVED_ON, "2026-12-01")))
                .satisfies(e -> assertThat(Refusal.in(e)).hasValueSatisfying(r -> assertThat(r.kind())
                        .isEqualTo(Refusal.Kind.FORBIDDEN)));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private ProcessInstance noticeFromResident(String receivedOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Penalty.CASE_NUMBER, caseNumber);
        variables.put(Penalty.NOTICE_RECEIVED_ON, receivedOn);
        variables.put(Penalty.NOTICE_FROM_RESIDENT, true);
        return runtimeService.startProcessInstanceByKey(Penalty.KEY, caseNumber, variables);
    }

    private static void at(LocalDateTime moment) {
        ClockUtil.setCurrentTime(Date.from(moment.atZone(DutchFormat.ZONE).toInstant()));
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(DutchFormat.ZONE).toInstant());
    }

    private List<Job> dueJobs() {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).executable()
                        .duedateLowerThan(ClockUtil.getCurrentTime()).list().stream())
                .toList();
    }

    private void runDueJobs() {
        List<Job> due = dueJobs();
        // One at a time: a job can end others (day 42 ends the daily refresh with the task).
        while (!due.isEmpty()) {
            managementService.executeJob(due.get(0).getId());
            due = dueJobs();
        }
    }

    private double amountSoFar(ProcessInstance instance) {
        return (Double) runtimeService.getVariable(instance.getId(), Penalty.AMOUNT_SO_FAR);
    }

    private List<String> candidates(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private List<CaseEventType> types() {
        return caseFiles.events(caseNumber).stream().map(CaseEvent::type).toList();
    }

    private CaseEvent lastEvent(CaseEventType type) {
        return caseFiles.events(caseNumber).stream().filter(e -> e.type() == type).reduce((a, b) -> b).orElseThrow();
    }
}
