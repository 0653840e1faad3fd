package nl.wijkzaken.subsidy.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import nl.wijkzaken.models.ProcessEndPlugin;
import nl.wijkzaken.models.ResidentRequestProcess;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.subsidy.Allocations;

/**
 * A case that ends while its claim is still undecided (withdrawn, ended by the municipality, deleted in Cockpit)
 * gives the claim back, so the next application in line gets its money (Awb 4:26). A built-in end listener on every
 * resident-request instance, like the case file's {@code CaseEndedByDeletion}: it runs on deletion too, and no diagram needs
 * to know. A decided claim (granted or refused) stays as it is.
 */
@Component
class ClaimEndsWithCase extends ProcessEndPlugin {

    private final Allocations allocations;

    ClaimEndsWithCase(@Lazy Allocations allocations) {
        this.allocations = allocations;
    }

    @Override
    protected boolean appliesTo(String processKey) {
        return ResidentRequestProcess.KEY.equals(processKey);
    }

    @Override
    protected void ended(DelegateExecution execution) {
        if (((ExecutionEntity) execution).isProcessInstanceExecution()
                && execution.getVariable(Variables.CASE_NUMBER) instanceof String caseNumber) {
            allocations.withdrawn(caseNumber);
        }
    }
}
