package nl.wijkzaken.subsidy.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

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
class ClaimEndsWithCase extends AbstractProcessEnginePlugin {

    private final Allocations allocations;

    ClaimEndsWithCase(@Lazy Allocations allocations) {
        this.allocations = allocations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        ExecutionListener listener = this::ended;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (ResidentRequestProcess.KEY.equals(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void ended(DelegateExecution execution) {
        if (((ExecutionEntity) execution).isProcessInstanceExecution()
                && execution.getVariable(Variables.CASE_NUMBER) instanceof String caseNumber) {
            allocations.withdrawn(caseNumber);
        }
    }
}
