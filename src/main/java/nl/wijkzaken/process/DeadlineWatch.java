package nl.wijkzaken.process;

import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.casefile.CaseEventType;
import static nl.wijkzaken.process.ProcessVariables.period;
import static nl.wijkzaken.process.ProcessVariables.string;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.wijkzaken.deadline.AwbTerms;
import nl.wijkzaken.deadline.DeadlineMoments;
import nl.wijkzaken.deadline.Extension;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.deadline.LegalDeadline;
import nl.wijkzaken.deadline.SuspendedPeriod;
import nl.wijkzaken.deadline.Suspension;
import nl.wijkzaken.deadline.TermKind;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Bean {@code deadlineWatch}: suspension (Awb 4:15), extension (Awb 4:14), reminder and escalation of the legal
 * deadline. The date rules are in the deadline module ({@link Suspension}, {@link DeadlineMoments}); this bean applies
 * them to the case. Timers in the model read {@code reminderAt} and {@code escalationAt} once; when the deadline moves
 * this bean moves their jobs, and while the term is suspended the jobs are suspended too, through the engine's public
 * {@link ManagementService} and {@link TaskService} (one exception: a suspended job that moves, see
 * {@link #rescheduleTimers}).
 */
@Component("deadlineWatch")
public class DeadlineWatch {

    /** Read-only in the form "Beslistermijn bewaken": the longest extension allowed and what it does. */
    static final String EXTENSION_LIMIT_TEXT = "extensionLimitText";

    private final CaseFiles caseFiles;
    private final LegalCalendar calendar;

    DeadlineWatch(CaseFiles caseFiles, LegalCalendar calendar) {
        this.caseFiles = caseFiles;
        this.calendar = calendar;
    }

    /**
     * The deadline as the process keeps it: the counted end ({@code countedDeadline}, what suspensions and
     * extensions add to) and the Atw-moved end that counts ({@code legalDeadline}), with the timer moments of the
     * latter.
     */
    static void setDeadlineVariables(DelegateExecution execution, LegalDeadline deadline) {
        DeadlineMoments moments = DeadlineMoments.of(deadline, reminderBefore(execution));
        execution.setVariable(Variables.LEGAL_DEADLINE, EngineClock.startOf(moments.deadline()));
        execution.setVariable(Variables.COUNTED_DEADLINE, EngineClock.startOf(deadline.countedEnd()));
        execution.setVariable("legalDeadlineText", DutchFormat.shortDate(moments.deadline()));
        execution.setVariable("reminderAt", EngineClock.startOf(moments.reminderOn()));
        execution.setVariable("escalationAt", EngineClock.startOf(moments.escalationOn()));
    }

    /** The case's deadline; a case from before the counted end was kept counts from its legal deadline. */
    static LegalDeadline deadline(DelegateExecution execution) {
        LocalDate end = EngineClock.toLocalDate((Date) execution.getVariable(Variables.LEGAL_DEADLINE));
        Object counted = execution.getVariable(Variables.COUNTED_DEADLINE);
        return new LegalDeadline(counted instanceof Date date ? EngineClock.toLocalDate(date) : end, end);
    }

    /**
     * Awb 4:15 lid 1: runs right after "Aanvulling vragen", i.e. once the mail server accepted the request for a
     * supplement (the message step completed); a mail stuck as an incident starts nothing. Sent today: the term is
     * suspended from tomorrow; the repair term (Awb 4:5) starts tomorrow too and its last day is Atw-moved (a
     * courtesy to the resident), the day the mail names.
     */
    public void suspend(DelegateExecution execution) {
        LocalDate sentOn = EngineClock.today();
        Suspension suspension = Suspension.sentOn(sentOn, period(execution, "terms", "repairTerm"), calendar);
        execution.setVariable(Variables.SUPPLEMENT_REQUESTED_ON, EngineClock.startOf(suspension.sentOn()));
        execution.setVariable(Variables.REPAIR_TERM_ENDS_AT, EngineClock.startOf(suspension.lapsesOn()));
        execution.setVariable("repairTermText", DutchFormat.shortDate(suspension.lastRepairDay()));
        execution.removeVariable(Variables.SUPPLEMENT_RECEIVED_ON);
        asTheProcess(execution, (management, tasks) -> List.of(Tasks.REMINDER_TIMER, Tasks.ESCALATION_TIMER).forEach(timer ->
                timerJobs(execution, management, timer).forEach(job -> management.suspendJobById(job.getId()))));
        LocalDate deadline = deadline(execution).end();
        caseFiles.changeDeadline(string(execution, Variables.CASE_NUMBER), CaseEventType.DEADLINE_SUSPENDED, CaseStatus.AANVULLING_GEVRAAGD,
                deadline, deadline, suspension.suspendedFrom(), extended(execution),
                "Verzoek om aanvulling verzonden op " + DutchFormat.shortDate(sentOn) + "; beslistermijn opgeschort vanaf "
                        + DutchFormat.shortDate(suspension.suspendedFrom()) + " (artikel 4:15 Awb); aanvullen kan tot en met "
                        + DutchFormat.shortDate(suspension.lastRepairDay())
                        + ". Gevraagd: " + string(execution, Variables.COMPLETENESS_MOTIVATION), null);
    }

    /**
     * The supplement arrived ({@code supplementReceivedOn}, the date of receipt staff registered; else today), or the
     * repair term lapsed: the suspended days (Awb 4:15 lid 1: from the day after sending until the day of receipt or
     * the day the repair term lapsed, that day itself not counted; a supplement the day after sending adds nothing)
     * are added to the counted end, and the Atw is applied to the result. Several suspensions add up.
     */
    public void resume(DelegateExecution execution, boolean termLapsed) {
        Suspension suspension = Suspension.lapsingOn(
                EngineClock.toLocalDate((Date) execution.getVariable(Variables.SUPPLEMENT_REQUESTED_ON)),
                EngineClock.toLocalDate((Date) execution.getVariable(Variables.REPAIR_TERM_ENDS_AT)));
        Date received = (Date) execution.getVariable(Variables.SUPPLEMENT_RECEIVED_ON);
        LocalDate endsOn = suspension.endsOn(received == null ? EngineClock.today() : EngineClock.toLocalDate(received),
                termLapsed);
        LegalDeadline before = deadline(execution);
        LegalDeadline after = suspension.deadlineAfter(before, endsOn, calendar);
        setDeadlineVariables(execution, after);
        rescheduleTimers(execution, before.end());
        if (termLapsed) {
            // Awb 4:5 lid 4: leaving the application unhandled is decided within four weeks after the term lapsed
            // (a term set by law: Algemene termijnenwet art. 1).
            LocalDate decideBy = calendar.termEnd(suspension.lastRepairDay().plusWeeks(4));
            execution.setVariable(Variables.NOT_HANDLED_DECISION_DUE, EngineClock.startOf(decideBy));
            execution.setVariable("notHandledDecisionDueText", DutchFormat.shortDate(decideBy));
        }
        String caseNumber = string(execution, Variables.CASE_NUMBER);
        long days = suspension.suspendedDays(endsOn);
        caseFiles.changeDeadline(caseNumber, CaseEventType.DEADLINE_RESUMED,
                termLapsed ? CaseStatus.HERSTELTERMIJN_VERSTREKEN : CaseStatus.AANVULLING_ONTVANGEN, before.end(),
                after.end(), null, extended(execution),
                (termLapsed ? "Hersteltermijn verstreken na " + DutchFormat.shortDate(suspension.lastRepairDay())
                        : "Aanvulling ontvangen op " + DutchFormat.shortDate(endsOn)) + "; "
                        + (days == 1 ? "1 dag" : days + " dagen") + " opgeschort (vanaf "
                        + DutchFormat.shortDate(suspension.suspendedFrom()) + ", artikel 4:15 Awb)." + atwNote(after), null);
        caseFiles.recordDeadlineFacts(caseNumber, null, after.countedEnd(), null, null);
    }

    /**
     * Awb 4:14: once, before the deadline, with a reason and a term "zo kort mogelijk" in days, at most the terms
     * table's {@code extensionTerm}; the resident gets a notice in the next step. Under a reasonable term (4:13 lid 2)
     * the notice moves the deadline and its timers; under a term set by regulation ({@code terms.termKind}
     * {@code regeling}) only the announced date is later, the legal deadline stays (late remains late for 4:17).
     */
    public void extend(DelegateExecution execution) {
        if (extended(execution)) {
            throw Refusal.invalid("De beslistermijn is al eens verlengd; dat kan maar één keer.");
        }
        String reason = string(execution, Variables.EXTENSION_REASON);
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("Geef een reden voor de verlenging van de beslistermijn.");
        }
        Object daysValue = execution.getVariable(Variables.EXTENSION_DAYS);
        if (!(daysValue instanceof Number number) || number.doubleValue() != Math.floor(number.doubleValue())) {
            throw Refusal.invalid("Vul de verlenging in als een aantal hele dagen, zo kort mogelijk.");
        }
        TermKind kind = termKind(execution);
        LegalDeadline before = deadline(execution);
        Extension extension;
        try {
            extension = AwbTerms.extended(before, number.longValue(), period(execution, "terms", "extensionTerm"), kind,
                    EngineClock.today(), calendar);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
        execution.setVariable("deadlineExtended", true);
        execution.setVariable(Variables.ANNOUNCED_DEADLINE, EngineClock.startOf(extension.announced().end()));
        if (extension.movedLegalDeadline()) {
            setDeadlineVariables(execution, extension.legal());
            rescheduleTimers(execution, before.end());
        }
        String caseNumber = string(execution, Variables.CASE_NUMBER);
        String announced = DutchFormat.shortDate(extension.announced().end());
        caseFiles.changeDeadline(caseNumber, CaseEventType.DEADLINE_EXTENDED, CaseStatus.TERMIJN_VERLENGD,
                before.end(), extension.legal().end(), null, true,
                (extension.movedLegalDeadline()
                        ? "Verlengd met " + extension.days() + " dagen tot " + announced
                                + " (redelijke termijn, artikel 4:13 lid 2 en 4:14 Awb)." + atwNote(extension.legal())
                        : "Verlenging gemeld tot " + announced + "; de termijn is gesteld bij regeling en blijft "
                                + DutchFormat.shortDate(before.end()) + " voor de dwangsom (artikel 4:14 lid 3, 4:17 Awb).")
                        + " Reden: " + reason, null);
        caseFiles.recordDeadlineFacts(caseNumber, null, extension.legal().countedEnd(), extension.announced().end(), null);
    }

    /**
     * Awb 4:15 lid 2: a suspension with the applicant's written consent (sub a) or for delay the applicant caused
     * (sub b), as a staff action with a reason and the first and last day (both counted). The days are added to the
     * counted end at once (the period is agreed and known) and the Atw is applied to the result; the timers and the
     * open tasks' due dates follow. Only while the term runs and is not suspended for a supplement already.
     */
    public void suspendByAgreement(DelegateExecution execution, SuspendedPeriod period, String ground, String reason,
                                   String actor) {
        LegalDeadline before = deadline(execution);
        LocalDate today = EngineClock.today();
        LocalDate receivedOn = EngineClock.toLocalDate((Date) execution.getVariable(Variables.RECEIVED_ON));
        if (today.isAfter(before.end())) {
            throw Refusal.conflict("De beslistermijn is op " + DutchFormat.date(before.end())
                    + " verstreken; opschorten kan alleen zolang de termijn loopt.");
        }
        if (period.firstDay().isAfter(before.end()) || (receivedOn != null && !period.firstDay().isAfter(receivedOn))) {
            throw Refusal.invalid("De opschorting moet beginnen na de datum van ontvangst en uiterlijk op de beslistermijn ("
                    + DutchFormat.date(before.end()) + ").");
        }
        if (execution.getVariable(Variables.SUPPLEMENT_REQUESTED_ON) != null && Boolean.TRUE.equals(suspendedForSupplement(execution))) {
            throw Refusal.conflict("De beslistermijn is al opgeschort omdat een aanvulling is gevraagd.");
        }
        LegalDeadline after = before.plusSuspendedDays(period.days(), calendar);
        setDeadlineVariables(execution, after);
        rescheduleTimers(execution, before.end());
        String caseNumber = string(execution, Variables.CASE_NUMBER);
        caseFiles.changeDeadline(caseNumber, CaseEventType.DEADLINE_SUSPENDED, null, before.end(), after.end(), null,
                extended(execution), "Opgeschort van " + DutchFormat.shortDate(period.firstDay()) + " tot en met "
                        + DutchFormat.shortDate(period.lastDay()) + ", " + period.days() + (period.days() == 1 ? " dag" : " dagen")
                        + " (artikel 4:15 lid 2 " + ground + "). Reden: " + reason + atwNote(after), actor);
        caseFiles.recordDeadlineFacts(caseNumber, null, after.countedEnd(), null, null);
    }

    /** Whether the case waits for a supplement now (the term timers are suspended then). */
    private static Boolean suspendedForSupplement(DelegateExecution execution) {
        return execution.getProcessEngineServices().getRuntimeService().createEventSubscriptionQuery()
                .processInstanceId(execution.getProcessInstanceId()).eventName(
                        nl.wijkzaken.models.ResidentRequestProcess.Messages.SUPPLEMENT_RECEIVED).count() > 0;
    }

    private static String atwNote(LegalDeadline deadline) {
        return deadline.movedByAtw() ? " Telling eindigt op " + DutchFormat.shortDate(deadline.countedEnd())
                + ", geen werkdag: de termijn loopt door tot " + DutchFormat.shortDate(deadline.end())
                + " (Algemene termijnenwet)." : "";
    }

    static TermKind termKind(DelegateExecution execution) {
        Object terms = execution.getVariable("terms");
        Object code = terms instanceof java.util.Map<?, ?> map ? map.get("termKind") : null;
        return code == null ? TermKind.REASONABLE_TERM : TermKind.ofCode(code.toString())
                .orElseThrow(() -> new IllegalStateException("Onbekend soort beslistermijn: " + code));
    }

    /**
     * The reminder: also tells the owner (read-only in "Beslistermijn bewaken") how far the deadline may be extended
     * and what an extension does under the case's kind of term.
     */
    public void reminded(DelegateExecution execution) {
        LegalDeadline deadline = deadline(execution);
        LocalDate latest = calendar.termEnd(deadline.countedEnd().plus(period(execution, "terms", "extensionTerm")));
        TermKind kind = termKind(execution);
        execution.setVariable(EXTENSION_LIMIT_TEXT, "Ten hoogste " + ChronoUnit.DAYS.between(
                deadline.countedEnd(), deadline.countedEnd().plus(period(execution, "terms", "extensionTerm")))
                + " dagen (uiterlijk " + DutchFormat.shortDate(latest) + "). Soort termijn: " + kind.label() + "; "
                + (kind.extensionMovesDeadline() ? "de verlenging verschuift de beslistermijn."
                        : "de verlenging verschuift de wettelijke beslistermijn niet: na " + DutchFormat.shortDate(deadline.end())
                                + " kan de bewoner de gemeente in gebreke stellen."));
        caseFiles.recordDeadlineEvent(string(execution, Variables.CASE_NUMBER), CaseEventType.DEADLINE_REMINDED, deadline(execution).end(),
                "Herinnering aan " + string(execution, Variables.OWNER_GROUP) + ": de beslistermijn nadert.");
    }

    public void escalated(DelegateExecution execution) {
        caseFiles.recordDeadlineEvent(string(execution, Variables.CASE_NUMBER), CaseEventType.DEADLINE_ESCALATED, deadline(execution).end(),
                "Beslistermijn verstreken; geëscaleerd naar " + string(execution, "escalationGroup") + ".");
    }

    /**
     * The timers get the new moments and run again; open tasks that are due on the legal deadline (the owner's and
     * the deciders') follow it, advice tasks keep the due date their own table gave them.
     */
    private void rescheduleTimers(DelegateExecution execution, LocalDate previousDeadline) {
        Date previous = EngineClock.startOf(previousDeadline);
        Date deadline = (Date) execution.getVariable(Variables.LEGAL_DEADLINE);
        asTheProcess(execution, (management, tasks) -> {
            for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
                if (previous.equals(task.getDueDate())) {
                    task.setDueDate(deadline);
                    tasks.saveTask(task);
                }
            }
            for (String timer : List.of(Tasks.REMINDER_TIMER, Tasks.ESCALATION_TIMER)) {
                Date moment = (Date) execution.getVariable(Tasks.REMINDER_TIMER.equals(timer) ? "reminderAt" : "escalationAt");
                for (Job job : timerJobs(execution, management, timer)) {
                    if (job.isSuspended()) {
                        // Not activateJobById + setJobDuedate: activation is a bulk UPDATE that raises the row's
                        // revision before the entity update of the due date is flushed, and in one command the two
                        // collide (OptimisticLockingException). So the job (the query returned this command's cached
                        // entity) is activated and moved in a single entity update.
                        JobEntity entity = (JobEntity) job;
                        entity.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
                        entity.setDuedate(moment);
                    } else {
                        management.setJobDuedate(job.getId(), moment);
                    }
                }
            }
        });
    }

    private static List<Job> timerJobs(DelegateExecution execution, ManagementService management, String timer) {
        return management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).activityId(timer).timers().list();
    }

    /**
     * Runs the engine's public API inside the current command (nested service calls join it; they see the entities
     * this transaction already holds). Two things are switched off for it, and that is why this needs the
     * (internal) command context: authorization, because moving the timers is the process's own step, not the
     * clerk's, who may complete the task without the right to update jobs; and the user operation log, because the
     * case dossier lists its entries as manual operations of that clerk.
     */
    private static void asTheProcess(DelegateExecution execution, EngineWork work) {
        ProcessEngineServices services = execution.getProcessEngineServices();
        CommandContext context = Context.getCommandContext();
        boolean logging = context.isUserOperationLogEnabled();
        context.disableUserOperationLog();
        try {
            context.runWithoutAuthorization(() -> {
                work.run(services.getManagementService(), services.getTaskService());
                return null;
            });
        } finally {
            if (logging) {
                context.enableUserOperationLog();
            }
        }
    }

    @FunctionalInterface
    private interface EngineWork {
        void run(ManagementService management, TaskService tasks);
    }

    private static Period reminderBefore(DelegateExecution execution) {
        return period(execution, "terms", "reminderBefore");
    }

    private static boolean extended(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable("deadlineExtended"));
    }
}
