package nl.wijkzaken.models;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A module's reaction to the end of a process instance, as a built-in end listener on every process definition it
 * {@link #appliesTo applies to}: it also runs when a deletion (Cockpit, REST) skips the diagram's own listeners, and
 * no diagram needs to know about it. Subclasses are Spring beans; the engine's Spring Boot starter picks up plugins.
 */
public abstract class ProcessEndPlugin extends AbstractProcessEnginePlugin {

    @Override
    public final void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        ExecutionListener listener = this::ended;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (appliesTo(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Which processes get the listener; all by default. */
    protected boolean appliesTo(String processKey) {
        return true;
    }

    /** Called at the end of every execution of those processes (check for the process instance where it matters). */
    protected abstract void ended(DelegateExecution execution);
}
