package nl.wijkzaken.casefile.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.models.ProcessEndPlugin;

import nl.wijkzaken.models.ResidentRequestProcess.Variables;

/**
 * A case whose process instance is deleted (Cockpit, {@code DELETE /engine-rest/process-instance/{id}}) before it
 * was concluded is closed in its case file too: status "Behandeling beëindigd door de gemeente", outcome
 * {@link Outcome#BEEINDIGD}, closed today, and an event naming who deleted it. Otherwise the resident's status page would
 * show it as open, with a running deadline, forever. A built-in end listener on every process: it also runs when
 * the deletion skips custom listeners, and no diagram needs to know about it.
 */
@Component
class CaseEndedByDeletion extends ProcessEndPlugin {

    private final CaseFiles caseFiles;

    CaseEndedByDeletion(@Lazy CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    protected void ended(DelegateExecution execution) {
        ExecutionEntity instance = (ExecutionEntity) execution;
        boolean deleted = instance.isExternallyTerminated() || instance.isCanceled();
        if (!deleted || !instance.isProcessInstanceExecution()
                || !(execution.getVariable(Variables.CASE_NUMBER) instanceof String caseNumber)) {
            return;
        }
        caseFiles.find(caseNumber).filter(file -> file.outcome() == null).ifPresent(file -> {
            String by = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
            caseFiles.conclude(caseNumber, CaseStatus.BEEINDIGD, Outcome.BEEINDIGD, null,
                    "Zaak in de procesengine verwijderd" + (by == null ? "" : " door " + by)
                            + (instance.getDeleteReason() == null ? "" : " (reden: " + instance.getDeleteReason() + ")")
                            + "; er is geen besluit genomen.", by);
        });
    }
}
