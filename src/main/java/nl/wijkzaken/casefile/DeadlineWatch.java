package nl.wijkzaken.casefile;

import static nl.wijkzaken.casefile.ProcessVariables.period;
import static nl.wijkzaken.casefile.ProcessVariables.string;

import java.time.LocalDate;
import java.util.Date;


import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import nl.wijkzaken.deadline.AwbTerms;
import nl.wijkzaken.process.ResidentRequestProcess.Tasks;
import nl.wijkzaken.process.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Bean {@code deadlineWatch}: suspension (Awb 4:15), extension (Awb 4:14), reminder and escalation of the legal
 * deadline. Timers in the model read {@code reminderAt} and {@code escalationAt} once; when the deadline moves this
 * bean moves their jobs, and while the term is suspended the jobs are suspended too.
 */
@Component("deadlineWatch")
public class DeadlineWatch {

    private final CaseFiles caseFiles;

    DeadlineWatch(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    static void setDeadlineVariables(DelegateExecution execution, LocalDate deadline) {
        execution.setVariable(Variables.LEGAL_DEADLINE, EngineClock.startOf(deadline));
        execution.setVariable("legalDeadlineText", DutchFormat.shortDate(deadline));
        execution.setVariable("reminderAt", EngineClock.startOf(AwbTerms.reminderOn(deadline, period(execution, "terms", "reminderBefore"))));
        execution.setVariable("escalationAt", EngineClock.startOf(AwbTerms.escalationOn(deadline)));
    }

    static LocalDate deadline(DelegateExecution execution) {
        return EngineClock.toLocalDate((Date) execution.getVariable(Variables.LEGAL_DEADLINE));
    }

    /** The supplement was asked today: the term is suspended from tomorrow; the repair term ends after {@code repairTerm}. */
    public void suspend(DelegateExecution execution) {
        LocalDate today = EngineClock.today();
        LocalDate lastDay = AwbTerms.repairTermEnds(today, period(execution, "terms", "repairTerm"));
        execution.setVariable(Variables.SUPPLEMENT_REQUESTED_ON, EngineClock.startOf(today));
        execution.setVariable(Variables.REPAIR_TERM_ENDS_AT, EngineClock.startOf(lastDay.plusDays(1)));
        execution.setVariable("repairTermText", DutchFormat.shortDate(lastDay));
        forEachDeadlineTimer(execution, (activity, job) -> job.setSuspensionState(SuspensionState.SUSPENDED.getStateCode()));
        LocalDate deadline = deadline(execution);
        caseFiles.changeDeadline(string(execution, Variables.CASE_NUMBER), CaseEventType.DEADLINE_SUSPENDED, CaseStatus.AANVULLING_GEVRAAGD,
                deadline, deadline, today.plusDays(1), extended(execution),
                "Beslistermijn opgeschort vanaf " + DutchFormat.shortDate(today.plusDays(1))
                        + "; aanvullen kan tot en met " + DutchFormat.shortDate(lastDay) + ". Gevraagd: "
                        + string(execution, Variables.COMPLETENESS_MOTIVATION), null);
    }

    /** The supplement arrived today, or the repair term lapsed: the suspended days are added to the deadline. */
    public void resume(DelegateExecution execution, boolean termLapsed) {
        LocalDate requestedOn = EngineClock.toLocalDate((Date) execution.getVariable(Variables.SUPPLEMENT_REQUESTED_ON));
        LocalDate endsOn = termLapsed
                ? EngineClock.toLocalDate((Date) execution.getVariable(Variables.REPAIR_TERM_ENDS_AT)).minusDays(1)
                : EngineClock.today();
        LocalDate before = deadline(execution);
        LocalDate after = AwbTerms.afterSuspension(before, requestedOn, endsOn);
        setDeadlineVariables(execution, after);
        rescheduleTimers(execution, before);
        caseFiles.changeDeadline(string(execution, Variables.CASE_NUMBER), CaseEventType.DEADLINE_RESUMED,
                termLapsed ? null : CaseStatus.AANVULLING_ONTVANGEN, before, after, null, extended(execution),
                (termLapsed ? "Hersteltermijn verstreken" : "Aanvulling ontvangen") + "; "
                        + AwbTerms.suspendedDays(requestedOn, endsOn) + " dagen opgeschort.", null);
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

    private void rescheduleTimers(DelegateExecution execution, LocalDate previousDeadline) {
        moveTaskDueDates(execution, EngineClock.startOf(previousDeadline));
        forEachDeadlineTimer(execution, (activity, job) -> {
            job.setDuedate((Date) execution.getVariable(Tasks.REMINDER_TIMER.equals(activity) ? "reminderAt" : "escalationAt"));
            job.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
        });
    }

    /**
     * Open tasks that are due on the legal deadline (the owner's and the deciders') follow it; advice tasks keep the
     * due date their own table gave them.
     */
    private static void moveTaskDueDates(DelegateExecution execution, Date previousDeadline) {
        Date deadline = (Date) execution.getVariable(Variables.LEGAL_DEADLINE);
        for (TaskEntity task : Context.getCommandContext().getTaskManager().findTasksByProcessInstanceId(execution.getProcessInstanceId())) {
            if (previousDeadline.equals(task.getDueDate())) {
                task.setDueDate(deadline);
            }
        }
    }

    /**
     * Changes the timers inside the current command: nested ManagementService calls would run in their own
     * command context and collide with the entities this transaction already holds.
     */
    private void forEachDeadlineTimer(DelegateExecution execution, java.util.function.BiConsumer<String, JobEntity> action) {
        for (JobEntity job : Context.getCommandContext().getJobManager().findJobsByProcessInstanceId(execution.getProcessInstanceId())) {
            if (job instanceof TimerEntity && (Tasks.REMINDER_TIMER.equals(job.getActivityId())
                    || Tasks.ESCALATION_TIMER.equals(job.getActivityId()))) {
                action.accept(job.getActivityId(), job);
            }
        }
    }

    private static boolean extended(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable("deadlineExtended"));
    }
}
