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
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.deadline.Suspension;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.casefile.CaseEvent;
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

    private final CaseFiles caseFiles;

    DeadlineWatch(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    static void setDeadlineVariables(DelegateExecution execution, LocalDate deadline) {
        DeadlineMoments moments = DeadlineMoments.of(deadline, reminderBefore(execution));
        execution.setVariable(Variables.LEGAL_DEADLINE, EngineClock.startOf(moments.deadline()));
        execution.setVariable("legalDeadlineText", DutchFormat.shortDate(moments.deadline()));
        execution.setVariable("reminderAt", EngineClock.startOf(moments.reminderOn()));
        execution.setVariable("escalationAt", EngineClock.startOf(moments.escalationOn()));
    }

    static LocalDate deadline(DelegateExecution execution) {
        return EngineClock.toLocalDate((Date) execution.getVariable(Variables.LEGAL_DEADLINE));
    }

    /**
     * Awb 4:15 lid 1: runs right after "Aanvulling vragen", i.e. once the mail server accepted the request for a
     * supplement (the message step completed); a mail stuck as an incident starts nothing. Sent today: the term is
     * suspended from tomorrow, and the repair term (Awb 4:5) runs from tomorrow for {@code repairTerm}, so its last
     * day is today plus that term, the day the mail names.
     */
    public void suspend(DelegateExecution execution) {
        LocalDate sentOn = EngineClock.today();
        Suspension suspension = Suspension.askedOn(sentOn, period(execution, "terms", "repairTerm"));
        execution.setVariable(Variables.SUPPLEMENT_REQUESTED_ON, EngineClock.startOf(suspension.requestedOn()));
        execution.setVariable(Variables.REPAIR_TERM_ENDS_AT, EngineClock.startOf(suspension.lapsesOn()));
        execution.setVariable("repairTermText", DutchFormat.shortDate(suspension.lastRepairDay()));
        execution.removeVariable(Variables.SUPPLEMENT_RECEIVED_ON);
        asTheProcess(execution, (management, tasks) -> List.of(Tasks.REMINDER_TIMER, Tasks.ESCALATION_TIMER).forEach(timer ->
                timerJobs(execution, management, timer).forEach(job -> management.suspendJobById(job.getId()))));
        LocalDate deadline = deadline(execution);
        caseFiles.changeDeadline(string(execution, Variables.CASE_NUMBER), CaseEventType.DEADLINE_SUSPENDED, CaseStatus.AANVULLING_GEVRAAGD,
                deadline, deadline, suspension.suspendedFrom(), extended(execution),
                "Verzoek om aanvulling verzonden op " + DutchFormat.shortDate(sentOn) + "; beslistermijn opgeschort vanaf "
                        + DutchFormat.shortDate(suspension.suspendedFrom()) + " (artikel 4:15 Awb); aanvullen kan tot en met "
                        + DutchFormat.shortDate(suspension.lastRepairDay())
                        + ". Gevraagd: " + string(execution, Variables.COMPLETENESS_MOTIVATION), null);
    }

    /**
     * The supplement arrived ({@code supplementReceivedOn}, the date of receipt staff registered; else today), or the
     * repair term lapsed: the suspended days are added to the deadline. Awb 4:15 lid 1: suspended from the day after
     * the request was sent until the day of receipt or the day the repair term lapsed, that day itself not counted;
     * a supplement received the day after sending adds nothing. Each suspension adds its own days to the deadline as
     * it then stands, so several suspensions add up.
     */
    public void resume(DelegateExecution execution, boolean termLapsed) {
        LocalDate requestedOn = EngineClock.toLocalDate((Date) execution.getVariable(Variables.SUPPLEMENT_REQUESTED_ON));
        LocalDate lapsesOn = EngineClock.toLocalDate((Date) execution.getVariable(Variables.REPAIR_TERM_ENDS_AT));
        Date received = (Date) execution.getVariable(Variables.SUPPLEMENT_RECEIVED_ON);
        LocalDate endsOn = termLapsed ? lapsesOn
                : received == null ? EngineClock.today() : EngineClock.toLocalDate(received);
        long suspendedDays = suspendedDays(requestedOn, endsOn);
        LocalDate before = deadline(execution);
        LocalDate after = before.plusDays(suspendedDays);
        setDeadlineVariables(execution, after);
        rescheduleTimers(execution, before);
        if (termLapsed) {
            // Awb 4:5 lid 4: leaving the application unhandled is decided within four weeks after the term lapsed
            // (a term set by law: Algemene termijnenwet art. 1).
            LocalDate lastRepairDay = lapsesOn.minusDays(1);
            LocalDate decideBy = LegalCalendar.ofLaw().termEnd(lastRepairDay.plusWeeks(4));
            execution.setVariable(Variables.NOT_HANDLED_DECISION_DUE, EngineClock.startOf(decideBy));
            execution.setVariable("notHandledDecisionDueText", DutchFormat.shortDate(decideBy));
        }
        caseFiles.changeDeadline(string(execution, Variables.CASE_NUMBER), CaseEventType.DEADLINE_RESUMED,
                termLapsed ? CaseStatus.HERSTELTERMIJN_VERSTREKEN : CaseStatus.AANVULLING_ONTVANGEN, before, after, null,
                extended(execution),
                (termLapsed ? "Hersteltermijn verstreken na " + DutchFormat.shortDate(lapsesOn.minusDays(1))
                        : "Aanvulling ontvangen op " + DutchFormat.shortDate(endsOn)) + "; "
                        + suspendedDays + " dagen opgeschort (vanaf " + DutchFormat.shortDate(requestedOn.plusDays(1))
                        + ", artikel 4:15 Awb).", null);
    }

    /**
     * Awb 4:15 lid 1: the days from the day after {@code requestedOn} up to but not including {@code endsOn}
     * (the day of receipt, or the day the repair term has lapsed).
     */
    static long suspendedDays(LocalDate requestedOn, LocalDate endsOn) {
        return Math.max(0, ChronoUnit.DAYS.between(requestedOn, endsOn) - 1);
    }

    /** Awb 4:14: once, before the deadline, with a reason; the resident gets a notice in the next step. */
    public void extend(DelegateExecution execution) {
        if (extended(execution)) {
            throw Refusal.invalid("De beslistermijn is al eens verlengd; dat kan maar één keer.");
        }
        String reason = string(execution, Variables.EXTENSION_REASON);
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("Geef een reden voor de verlenging van de beslistermijn.");
        }
        LocalDate before = deadline(execution);
        LocalDate after = AwbTerms.extended(before, period(execution, "terms", "extensionTerm"), EngineClock.today());
        setDeadlineVariables(execution, after);
        execution.setVariable("deadlineExtended", true);
        rescheduleTimers(execution, before);
        caseFiles.changeDeadline(string(execution, Variables.CASE_NUMBER), CaseEventType.DEADLINE_EXTENDED, CaseStatus.TERMIJN_VERLENGD,
                before, after, null, true, "Reden: " + reason, null);
    }

    public void reminded(DelegateExecution execution) {
        caseFiles.recordDeadlineEvent(string(execution, Variables.CASE_NUMBER), CaseEventType.DEADLINE_REMINDED, deadline(execution),
                "Herinnering aan " + string(execution, Variables.OWNER_GROUP) + ": de beslistermijn nadert.");
    }

    public void escalated(DelegateExecution execution) {
        caseFiles.recordDeadlineEvent(string(execution, Variables.CASE_NUMBER), CaseEventType.DEADLINE_ESCALATED, deadline(execution),
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
