package nl.wijkzaken.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

import nl.wijkzaken.audit.DossierEntry.Kind;

/**
 * Builds a case's dossier from the engine's history (steps, tasks, form values, DMN decisions with the rule
 * that matched, manual operations, incidents) merged with what other modules recorded ({@link DossierSource}).
 * Runs with the caller's engine authorizations: only those who may read history get anything.
 */
@Service
public class CaseDossiers {

    private static final Set<String> SKIPPED_ACTIVITY_TYPES = Set.of("multiInstanceBody");
    private static final String SYSTEM = "systeem";

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final List<DossierSource> sources;

    CaseDossiers(HistoryService historyService, RepositoryService repositoryService, List<DossierSource> sources) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.sources = sources;
    }

    public Optional<CaseDossier> find(String caseNumber) {
        if (caseNumber == null || caseNumber.isBlank()) {
            return Optional.empty();
        }
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .orderByProcessInstanceStartTime().asc()
                .listPage(0, 1).stream().findFirst().orElse(null);
        if (instance == null) {
            return Optional.empty();
        }
        List<DossierEntry> timeline = new ArrayList<>();
        addCaseLifecycle(instance, timeline);
        addSteps(instance, timeline);
        Map<String, HistoricTaskInstance> tasks = addTasks(instance, timeline);
        addVariableChanges(instance, tasks, timeline);
        List<CaseDossier.ModelVersion> models = new ArrayList<>();
        models.add(processModel(instance.getProcessDefinitionId()));
        addDecisions(instance, timeline, models);
        addManualOperations(instance, timeline);
        addIncidents(instance, timeline);
        for (DossierSource source : sources) {
            timeline.addAll(source.entriesFor(caseNumber));
        }
        timeline.sort(Comparator.comparing(DossierEntry::at));
        return Optional.of(new CaseDossier(caseNumber, instance.getId(), instance.getState(), models, timeline));
    }

    private void addCaseLifecycle(HistoricProcessInstance instance, List<DossierEntry> timeline) {
        timeline.add(new DossierEntry(instant(instance.getStartTime()), Kind.CASE_STARTED,
                orSystem(instance.getStartUserId()), "Zaak gestart",
                details("processDefinition", instance.getProcessDefinitionKey(),
                        "version", instance.getProcessDefinitionVersion())));
        if (instance.getEndTime() != null) {
            timeline.add(new DossierEntry(instant(instance.getEndTime()), Kind.CASE_ENDED, SYSTEM,
                    "Zaak beëindigd (" + instance.getState() + ")",
                    details("endActivity", instance.getEndActivityId(), "deleteReason", instance.getDeleteReason())));
        }
    }

    private void addSteps(HistoricProcessInstance instance, List<DossierEntry> timeline) {
        List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .orderPartiallyByOccurrence().asc()
                .list();
        for (HistoricActivityInstance activity : activities) {
            if (SKIPPED_ACTIVITY_TYPES.contains(activity.getActivityType())) {
                continue;
            }
            String name = activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId();
            timeline.add(new DossierEntry(instant(activity.getStartTime()), Kind.STEP_STARTED,
                    orSystem(activity.getAssignee()), "Stap gestart: " + name,
                    details("activityId", activity.getActivityId(), "activityType", activity.getActivityType())));
            if (activity.getEndTime() != null) {
                timeline.add(new DossierEntry(instant(activity.getEndTime()), Kind.STEP_ENDED,
                        orSystem(activity.getAssignee()),
                        "Stap afgerond: " + name + (activity.isCanceled() ? " (afgebroken)" : ""),
                        details("activityId", activity.getActivityId(), "activityType", activity.getActivityType(),
                                "durationMs", activity.getDurationInMillis())));
            }
        }
    }

    private Map<String, HistoricTaskInstance> addTasks(HistoricProcessInstance instance, List<DossierEntry> timeline) {
        List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc()
                .list();
        Map<String, HistoricTaskInstance> byId = new LinkedHashMap<>();
        for (HistoricTaskInstance task : tasks) {
            byId.put(task.getId(), task);
            List<HistoricIdentityLinkLog> links = historyService.createHistoricIdentityLinkLogQuery()
                    .taskId(task.getId()).orderByTime().asc().list();
            List<String> candidateGroups = links.stream()
                    .filter(link -> "candidate".equals(link.getType()) && "add".equals(link.getOperationType()))
                    .map(HistoricIdentityLinkLog::getGroupId)
                    .filter(group -> group != null)
                    .distinct()
                    .toList();
            timeline.add(new DossierEntry(instant(task.getStartTime()), Kind.TASK_CREATED, SYSTEM,
                    "Taak '" + task.getName() + "' klaargezet voor " + (candidateGroups.isEmpty()
                            ? "-" : String.join(", ", candidateGroups)),
                    details("taskId", task.getId(), "taskDefinitionKey", task.getTaskDefinitionKey(),
                            "candidateGroups", candidateGroups, "due", task.getDueDate())));
            for (HistoricIdentityLinkLog link : links) {
                if ("assignee".equals(link.getType()) && "add".equals(link.getOperationType())) {
                    timeline.add(new DossierEntry(instant(link.getTime()), Kind.TASK_ASSIGNED,
                            orSystem(link.getAssignerId()),
                            "Taak '" + task.getName() + "' opgepakt door " + link.getUserId(),
                            details("taskId", task.getId(), "assignee", link.getUserId())));
                }
            }
            if (task.getEndTime() != null) {
                boolean completed = "completed".equals(task.getDeleteReason());
                timeline.add(new DossierEntry(instant(task.getEndTime()), Kind.TASK_COMPLETED,
                        orSystem(task.getAssignee()),
                        "Taak '" + task.getName() + "' " + (completed ? "afgerond" : "beëindigd")
                                + (task.getAssignee() != null ? " door " + task.getAssignee() : ""),
                        details("taskId", task.getId(), "taskDefinitionKey", task.getTaskDefinitionKey(),
                                "reason", task.getDeleteReason())));
            }
        }
        return byId;
    }

    private void addVariableChanges(HistoricProcessInstance instance, Map<String, HistoricTaskInstance> tasks,
                                    List<DossierEntry> timeline) {
        List<HistoricDetail> updates = historyService.createHistoricDetailQuery()
                .processInstanceId(instance.getId())
                .variableUpdates()
                .orderPartiallyByOccurrence().asc()
                .list();
        // Values submitted with a task's form are logged under the user operation that completed the task.
        Map<String, UserOperationLogEntry> operations = new HashMap<>();
        historyService.createUserOperationLogQuery().processInstanceId(instance.getId()).list()
                .forEach(entry -> operations.putIfAbsent(entry.getOperationId(), entry));
        Map<String, Object> lastValues = new HashMap<>();
        for (HistoricDetail detail : updates) {
            HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
            Object oldValue = lastValues.get(update.getVariableInstanceId());
            Object newValue = update.getValue();
            lastValues.put(update.getVariableInstanceId(), newValue);
            UserOperationLogEntry operation = update.getUserOperationId() == null ? null
                    : operations.get(update.getUserOperationId());
            String taskId = update.getTaskId() != null ? update.getTaskId()
                    : operation != null ? operation.getTaskId() : null;
            HistoricTaskInstance task = taskId == null ? null : tasks.get(taskId);
            String actor = operation != null ? orSystem(operation.getUserId())
                    : task != null ? orSystem(task.getAssignee())
                    : update.getRevision() == 0 ? orSystem(instance.getStartUserId()) : SYSTEM;
            String where = task != null ? " (formulier '" + task.getName() + "')" : "";
            timeline.add(new DossierEntry(instant(update.getTime()), Kind.VARIABLE_CHANGED, actor,
                    "Gegeven '" + update.getVariableName() + "' " + (oldValue == null ? "vastgelegd" : "gewijzigd") + where,
                    details("variable", update.getVariableName(), "oldValue", printable(oldValue),
                            "newValue", printable(newValue), "taskId", taskId)));
        }
    }

    private void addDecisions(HistoricProcessInstance instance, List<DossierEntry> timeline,
                              List<CaseDossier.ModelVersion> models) {
        List<HistoricDecisionInstance> decisions = historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(instance.getId())
                .includeInputs().includeOutputs()
                .orderByEvaluationTime().asc()
                .list();
        Map<String, DecisionDefinition> definitions = new HashMap<>();
        for (HistoricDecisionInstance decision : decisions) {
            DecisionDefinition definition = definitions.computeIfAbsent(decision.getDecisionDefinitionId(),
                    repositoryService::getDecisionDefinition);
            Map<String, Object> inputs = new LinkedHashMap<>();
            for (HistoricDecisionInputInstance input : decision.getInputs()) {
                inputs.put(input.getClauseName() != null ? input.getClauseName() : input.getClauseId(),
                        printable(input.getValue()));
            }
            Map<String, Map<String, Object>> matched = new LinkedHashMap<>();
            for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
                matched.computeIfAbsent(output.getRuleId(), rule -> new LinkedHashMap<>())
                        .put(output.getVariableName(), printable(output.getValue()));
            }
            List<Map<String, Object>> rules = matched.entrySet().stream()
                    .map(rule -> Map.<String, Object>of("ruleId", rule.getKey(),
                            "annotation", ruleAnnotation(definition, rule.getKey()),
                            "outputs", rule.getValue()))
                    .toList();
            timeline.add(new DossierEntry(instant(decision.getEvaluationTime()), Kind.DECISION, SYSTEM,
                    "Beslistabel '" + definition.getName() + "' (versie " + definition.getVersion() + "): "
                            + (rules.isEmpty() ? "geen regel van toepassing"
                            : "regel " + matched.keySet().stream().collect(Collectors.joining(", "))),
                    details("decisionKey", definition.getKey(), "version", definition.getVersion(),
                            "activityId", decision.getActivityId(), "inputs", inputs, "matchedRules", rules)));
            CaseDossier.ModelVersion model = new CaseDossier.ModelVersion("DMN", definition.getKey(),
                    definition.getName(), definition.getVersion(), definition.getDeploymentId(),
                    definition.getResourceName());
            if (!models.contains(model)) {
                models.add(model);
            }
        }
    }

    private String ruleAnnotation(DecisionDefinition definition, String ruleId) {
        Rule rule = repositoryService.getDmnModelInstance(definition.getId()).getModelElementById(ruleId);
        return rule == null || rule.getDescription() == null ? "" : rule.getDescription().getTextContent();
    }

    private void addManualOperations(HistoricProcessInstance instance, List<DossierEntry> timeline) {
        List<UserOperationLogEntry> entries = historyService.createUserOperationLogQuery()
                .processInstanceId(instance.getId())
                .orderByTimestamp().asc()
                .list();
        Map<String, List<UserOperationLogEntry>> byOperation = entries.stream()
                .collect(Collectors.groupingBy(UserOperationLogEntry::getOperationId, LinkedHashMap::new,
                        Collectors.toList()));
        for (List<UserOperationLogEntry> operation : byOperation.values()) {
            UserOperationLogEntry first = operation.get(0);
            List<Map<String, Object>> changes = operation.stream()
                    .filter(entry -> entry.getProperty() != null)
                    .map(entry -> details("property", entry.getProperty(), "oldValue", entry.getOrgValue(),
                            "newValue", entry.getNewValue()))
                    .toList();
            timeline.add(new DossierEntry(instant(first.getTimestamp()), Kind.MANUAL_OPERATION,
                    orSystem(first.getUserId()),
                    "Handeling '" + first.getOperationType() + "' op " + first.getEntityType()
                            + " door " + orSystem(first.getUserId()),
                    details("operationType", first.getOperationType(), "entityType", first.getEntityType(),
                            "taskId", first.getTaskId(), "annotation", first.getAnnotation(), "changes", changes)));
        }
    }

    private void addIncidents(HistoricProcessInstance instance, List<DossierEntry> timeline) {
        for (HistoricIncident incident : historyService.createHistoricIncidentQuery()
                .processInstanceId(instance.getId()).list()) {
            timeline.add(new DossierEntry(instant(incident.getCreateTime()), Kind.INCIDENT, SYSTEM,
                    "Storing bij stap " + incident.getActivityId() + ": " + incident.getIncidentMessage(),
                    details("incidentType", incident.getIncidentType(), "resolved", incident.isResolved(),
                            "ended", incident.getEndTime())));
        }
    }

    private CaseDossier.ModelVersion processModel(String processDefinitionId) {
        ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
        return new CaseDossier.ModelVersion("BPMN", definition.getKey(), definition.getName(),
                definition.getVersion(), definition.getDeploymentId(), definition.getResourceName());
    }

    private static Instant instant(Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }

    private static String orSystem(String user) {
        return user == null || user.isBlank() ? SYSTEM : user;
    }

    private static Object printable(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return String.valueOf(value);
    }

    /** Map.of without the null restriction, keeping order: absent facts are simply left out. */
    static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}
