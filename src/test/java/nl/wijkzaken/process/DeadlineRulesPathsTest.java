package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.wijkzaken.casefile.CaseDeadline;
import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.models.ResidentRequestProcess;
import nl.wijkzaken.models.ResidentRequestProcess.Messages;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;

/**
 * The deadline rules of the Awb and the Algemene termijnenwet on the real diagram and tables, on a bare engine
 * ({@link BareEngine}), with the engine clock set to real dates: date of receipt (4:2, 4:13), Atw on the 4:13
 * deadline and its timers, 4:15 counted from the day after sending, 4:14 under each kind of term.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "forms/verzoek-beantwoorden.form",
        "processes/case-owner.dmn", "processes/advice-domains.dmn", "processes/advice-assignment.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form"})
class DeadlineRulesPathsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** Friday 30 October 2026, 10:00: eight weeks later is Christmas Day. */
    private static final ZonedDateTime FRIDAY_30_OCTOBER = LocalDate.of(2026, 10, 30).atTime(10, 0).atZone(ZONE);

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();
    private final ManagementService managementService = bare.engine.getManagementService();

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

    @Test
    void receivedOnTheFridayEightWeeksBeforeChristmasTheDeadlineIsTheMondayAfterAndEscalationTheDayAfterThat() {
        at(FRIDAY_30_OCTOBER);
        RegisteredRequest request = online(Category.GROEN_EN_OPENBARE_RUIMTE);
        ProcessInstance instance = instance(request);

        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.receivedOn()).isEqualTo(LocalDate.of(2026, 10, 30));
        assertThat(file.legalDeadline()).as("not Friday 25 December").isEqualTo(LocalDate.of(2026, 12, 28));
        CaseDeadline facts = caseFiles.deadline(request.caseNumber()).orElseThrow();
        assertThat(facts.countedDeadline()).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(facts.termKind()).isEqualTo("redelijke-termijn");
        assertThat(facts.registeredAt()).isEqualTo(FRIDAY_30_OCTOBER.toLocalDateTime());
        assertThat(day(timer(instance, Tasks.ESCALATION_TIMER).getDuedate())).as("not Boxing Day").isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(day(timer(instance, Tasks.REMINDER_TIMER).getDuedate())).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(day(openTask(instance, Tasks.CHECK_COMPLETENESS).getDueDate())).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void aLetterCountsFromTheDayItArrivedNotFromTheDayItWasRegistered() {
        at(FRIDAY_30_OCTOBER.plusDays(3)); // registered Monday 2 November
        ProcessInstance instance = start("post", "2026-10-30");

        String caseNumber = instance.getBusinessKey();
        CaseFile file = caseFiles.find(caseNumber).orElseThrow();
        assertThat(file.channel()).isEqualTo("post");
        assertThat(file.receivedOn()).isEqualTo(LocalDate.of(2026, 10, 30));
        assertThat(file.legalDeadline()).as("not three days too late").isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(caseFiles.deadline(caseNumber).orElseThrow().registeredAt()).isEqualTo(FRIDAY_30_OCTOBER.plusDays(3).toLocalDateTime());
    }

    @Test
    void atTheDeskWithoutADateTheDayOfRegistrationCounts() {
        at(FRIDAY_30_OCTOBER);
        ProcessInstance instance = start("balie", null);

        assertThat(caseFiles.find(instance.getBusinessKey()).orElseThrow().receivedOn()).isEqualTo(LocalDate.of(2026, 10, 30));
    }

    @Test
    void onlineTheServersDayCountsWhateverTheCallerSends() {
        at(FRIDAY_30_OCTOBER);
        ProcessInstance instance = start("online", "2026-10-01");

        assertThat(caseFiles.find(instance.getBusinessKey()).orElseThrow().receivedOn()).isEqualTo(LocalDate.of(2026, 10, 30));
    }

    @Test
    void aDateOfReceiptInTheFutureOrMoreThanThirtyDaysBackIsRefusedInDutchAndNothingIsStored() {
        at(FRIDAY_30_OCTOBER);
        long cases = runtimeService.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> start("post", "2026-10-31")).hasStackTraceContaining("niet in de toekomst");
        assertThatThrownBy(() -> start("e-mail", "2026-09-29")).hasStackTraceContaining("hoogstens 30 dagen");
        assertThatThrownBy(() -> start("balie", "30-10-2026")).hasStackTraceContaining("jjjj-mm-dd");
        assertThatThrownBy(() -> start("post", null)).hasStackTraceContaining("Vul de datum van ontvangst in");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(cases);

        ProcessInstance thirtyDaysBack = start("e-mail", "2026-09-30");
        assertThat(caseFiles.find(thirtyDaysBack.getBusinessKey()).orElseThrow().legalDeadline())
                .as("30 September + 8 weeks = Wednesday 25 November").isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void aSupplementReceivedTheDayAfterTheRequestWasSentAddsNoDays() {
        at(FRIDAY_30_OCTOBER);
        RegisteredRequest request = online(Category.GROEN_EN_OPENBARE_RUIMTE);
        ProcessInstance instance = instance(request);
        complete(instance, Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Een foto van de plek ontbreekt."));
        bare.sendMessages(request.caseNumber());

        at(FRIDAY_30_OCTOBER.plusDays(1));
        runtimeService.createMessageCorrelation(Messages.SUPPLEMENT_RECEIVED).processInstanceBusinessKey(request.caseNumber()).correlate();

        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline()).isEqualTo(LocalDate.of(2026, 12, 28));
        CaseEvent resumed = events(request, CaseEventType.DEADLINE_RESUMED).get(0);
        assertThat(resumed.detail()).contains("0 dagen opgeschort", "4:15");
        assertThat(day(timer(instance, Tasks.ESCALATION_TIMER).getDuedate())).isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Test
    void underAReasonableTermTheExtensionMovesTheDeadlineAndItsEscalation() {
        at(FRIDAY_30_OCTOBER);
        RegisteredRequest request = online(Category.GROEN_EN_OPENBARE_RUIMTE);
        ProcessInstance instance = instance(request);
        remind(instance, request);
        assertThat(runtimeService.getVariable(instance.getId(), DeadlineWatch.EXTENSION_LIMIT_TEXT))
                .asString().contains("Ten hoogste 28 dagen", "22-1-2027", "verschuift de beslistermijn");

        assertThatThrownBy(() -> complete(instance, Tasks.DEADLINE_APPROACHING, "wm.breukelen", extension(29)))
                .hasStackTraceContaining("ten hoogste 28 dagen");
        complete(instance, Tasks.DEADLINE_APPROACHING, "wm.breukelen", extension(14));

        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.legalDeadline()).as("25 December + 14 days: Friday 8 January 2027").isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(file.deadlineExtended()).isTrue();
        assertThat(caseFiles.deadline(request.caseNumber()).orElseThrow().announcedDeadline()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(day(timer(instance, Tasks.ESCALATION_TIMER).getDuedate())).isEqualTo(LocalDate.of(2027, 1, 9));
        CaseEvent extended = events(request, CaseEventType.DEADLINE_EXTENDED).get(0);
        assertThat(extended.deadlineBefore()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(extended.deadlineAfter()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(extended.detail()).contains("redelijke termijn", "Reden: De adviezen zijn nog niet binnen.");
        assertThat(ResidentMessages.values(runtimeService.getVariables(instance.getId()),
                nl.wijkzaken.mail.MessageType.TERMIJN_VERLENGD)).containsEntry("newDeadline", "8 januari 2027")
                .doesNotContainKey("legalDeadline");
    }

    @Test
    void underATermSetByRegulationTheNoticeNamesALaterDateButTheLegalDeadlineAndEscalationStay() {
        at(FRIDAY_30_OCTOBER);
        RegisteredRequest request = online(Category.EVENEMENT_OF_ACTIVITEIT);
        ProcessInstance instance = instance(request);
        assertThat(caseFiles.deadline(request.caseNumber()).orElseThrow().termKind()).isEqualTo("regeling");
        remind(instance, request);

        complete(instance, Tasks.DEADLINE_APPROACHING, "wm.breukelen", extension(14));

        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.legalDeadline()).as("late remains late for 4:17").isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(caseFiles.deadline(request.caseNumber()).orElseThrow().announcedDeadline()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(day(timer(instance, Tasks.ESCALATION_TIMER).getDuedate())).isEqualTo(LocalDate.of(2026, 12, 29));
        CaseEvent extended = events(request, CaseEventType.DEADLINE_EXTENDED).get(0);
        assertThat(extended.deadlineBefore()).isEqualTo(extended.deadlineAfter()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(extended.detail()).contains("gesteld bij regeling", "8-1-2027");
        assertThat(ResidentMessages.values(runtimeService.getVariables(instance.getId()),
                nl.wijkzaken.mail.MessageType.TERMIJN_VERLENGD)).containsEntry("newDeadline", "8 januari 2027")
                .containsEntry("legalDeadline", "28 december 2026");
    }

    @Test
    void anExtensionAfterTheDeadlineIsRefused() {
        at(FRIDAY_30_OCTOBER);
        RegisteredRequest request = online(Category.GROEN_EN_OPENBARE_RUIMTE);
        ProcessInstance instance = instance(request);
        remind(instance, request);

        at(LocalDate.of(2026, 12, 29).atTime(9, 0).atZone(ZONE));
        assertThatThrownBy(() -> complete(instance, Tasks.DEADLINE_APPROACHING, "wm.breukelen", extension(7)))
                .hasStackTraceContaining("al verstreken");
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline()).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static void at(ZonedDateTime moment) {
        ClockUtil.setCurrentTime(Date.from(moment.toInstant()));
    }

    private RegisteredRequest online(Category category) {
        return bare.submitOnline("breukelen", category, "2000", Urgency.NORMAAL);
    }

    /** As the front office's start form does: the request's fields, the channel and the date of receipt. */
    private ProcessInstance start(String channel, String dateOfReceipt) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.APPLICANT_NAME, "Jan Jansen");
        variables.put(Variables.APPLICANT_EMAIL, "jan@example.org");
        variables.put(Variables.NEIGHBOURHOOD, "breukelen");
        variables.put(Variables.CATEGORY, Category.GROEN_EN_OPENBARE_RUIMTE.code());
        variables.put(Variables.TITLE, "Bankje bij de vijver");
        variables.put("description", "Een bankje bij de vijver, per brief gevraagd.");
        variables.put(Variables.AMOUNT_REQUESTED, 2000.0);
        variables.put(Variables.URGENCY, "normaal");
        variables.put(Variables.CHANNEL, channel);
        variables.put(Variables.DATE_OF_RECEIPT, dateOfReceipt);
        return runtimeService.startProcessInstanceByKey(ResidentRequestProcess.KEY,
                nl.wijkzaken.support.TestAddress.with(variables));
    }

    private ProcessInstance instance(RegisteredRequest request) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult();
        bare.sendMessages(request.caseNumber());
        return instance;
    }

    /** Monday 21 December, a week before the deadline: the reminder timer fires. */
    private void remind(ProcessInstance instance, RegisteredRequest request) {
        at(LocalDate.of(2026, 12, 21).atTime(9, 0).atZone(ZONE));
        managementService.executeJob(timer(instance, Tasks.REMINDER_TIMER).getId());
        assertThat(openTask(instance, Tasks.DEADLINE_APPROACHING)).isNotNull();
    }

    private static Map<String, Object> extension(int days) {
        return Map.of("extendDeadline", true, "extensionReason", "De adviezen zijn nog niet binnen.", "extensionDays", days);
    }

    private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = openTask(instance, taskKey);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), variables);
    }

    private Job timer(ProcessInstance instance, String activity) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
    }

    private Task openTask(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    private List<CaseEvent> events(RegisteredRequest request, CaseEventType type) {
        return caseFiles.events(request.caseNumber()).stream().filter(e -> e.type() == type).toList();
    }

    private static LocalDate day(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZONE);
    }
}
