package nl.wijkzaken.process.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.models.ResidentRequestProcess.Cards;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * What a Tasklist card shows of its case: case number, title, wijk, amount asked, phase and the legal deadline with
 * the days left, and for the case owner whether he may only read the task ({@link Cards}). Tasklist reads a
 * filter's card variables with a variable query, and the engine lets that query return a process instance's
 * variables only to whoever may read the whole instance, which staff may not; the task's own variables it returns to
 * whoever may read the task. So every user task of a case carries task-local copies of just these values: whoever
 * may read the task sees its card, nobody else sees anything, and no role gets a grant on the instance.
 * <p>
 * A built-in listener fills the card when the task is created and refreshes it when the task changes (claim,
 * candidates, due date moved with the deadline); {@link TaskCardRefresh} refreshes the days left every night.
 * The copies are kept out of the history: the dossier records the case, not what a card showed.
 */
@Component
class TaskCards extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CaseFiles> caseFiles;

    TaskCards(ObjectProvider<CaseFiles> caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        TaskListener fill = this::fill;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, fill);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, fill);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new WithoutCards(configuration.getHistoryEventHandler()));
    }

    /** Sets the card's values that changed; a task outside a resident request (no case number) gets no card. */
    void fill(DelegateTask task) {
        if (!(task.getVariable(Variables.CASE_NUMBER) instanceof String caseNumber)) {
            return;
        }
        Optional<CaseFile> file = caseFiles.getObject().find(caseNumber);
        Map<String, Object> card = values(task, caseNumber, file, EngineClock.today(), groupNames(task));
        card.forEach((name, value) -> {
            if (!Objects.equals(task.getVariableLocal(name), value)) {
                if (value == null) {
                    task.removeVariableLocal(name);
                } else {
                    task.setVariableLocal(name, value);
                }
            }
        });
    }

    static Map<String, Object> values(DelegateTask task, String caseNumber, Optional<CaseFile> file, LocalDate today,
                                      Map<String, String> candidateGroupNames) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put(Cards.CASE_NUMBER, caseNumber);
        card.put(Cards.TITLE, task.getVariable(Variables.TITLE));
        card.put(Cards.NEIGHBOURHOOD_NAME, task.getVariable(Cards.NEIGHBOURHOOD_NAME));
        card.put(Cards.AMOUNT_REQUESTED, task.getVariable(Variables.AMOUNT_REQUESTED) instanceof Number amount
                ? DutchFormat.euro(new BigDecimal(amount.toString())) : null);
        card.put(Cards.PHASE, file.map(CaseFile::statusText).orElse(null));
        LocalDate deadline = task.getVariable(Variables.LEGAL_DEADLINE) instanceof Date date
                ? EngineClock.toLocalDate(date) : null;
        boolean suspended = file.map(CaseFile::suspendedSince).isPresent();
        card.put(Cards.DEADLINE, deadline == null ? null : deadline(deadline, today, suspended));
        card.put(Cards.READ_ONLY, readOnly(task.getVariable(Variables.OWNER_GROUP), candidateGroupNames));
        return card;
    }

    /** "15-1-2027, nog 41 dagen"; "…, vandaag"; "…, 3 dagen verstreken"; during a suspension "…, opgeschort". */
    static String deadline(LocalDate deadline, LocalDate today, boolean suspended) {
        String date = DutchFormat.shortDate(deadline);
        if (suspended) {
            return date + ", opgeschort";
        }
        long days = ChronoUnit.DAYS.between(today, deadline);
        if (days == 0) {
            return date + ", vandaag";
        }
        if (days > 0) {
            return date + ", nog " + days + (days == 1 ? " dag" : " dagen");
        }
        return date + ", " + -days + (days == -1 ? " dag" : " dagen") + " verstreken";
    }

    /** The owner's group reads every task of its case; where it is no candidate it may only read. */
    static String readOnly(Object ownerGroup, Map<String, String> candidateGroupNames) {
        if (!(ownerGroup instanceof String owner) || candidateGroupNames.isEmpty()
                || candidateGroupNames.containsKey(owner)) {
            return null;
        }
        return "Alleen inzien (taak van " + String.join(", ", candidateGroupNames.values()) + ")";
    }

    /** The task's candidate groups by id, with their names (the id when the group has none). */
    private static Map<String, String> groupNames(DelegateTask task) {
        List<String> ids = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().toList();
        CommandContext context = Context.getCommandContext();
        return context.runWithoutAuthorization(() -> ids.stream().collect(Collectors.toMap(id -> id, id -> {
            Group group = context.getReadOnlyIdentityProvider().findGroupById(id);
            return group == null || group.getName() == null ? id : group.getName();
        }, (a, b) -> a, LinkedHashMap::new)));
    }

    /** Drops the history of the card copies (task-local variables with a card name); everything else passes. */
    static final class WithoutCards implements HistoryEventHandler {

        private final HistoryEventHandler next;

        WithoutCards(HistoryEventHandler next) {
            this.next = next;
        }

        static boolean isCard(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                    && Cards.ALL.contains(variable.getVariableName());
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isCard(event)) {
                next.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            next.handleEvents(events.stream().filter(event -> !isCard(event)).toList());
        }
    }
}
