package nl.wijkzaken.audit;

import nl.wijkzaken.audit.DossierEntry.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;


/**
 * Builds a case's dossier from the engine's history (steps, tasks, form values, DMN decisions with the rule
 * that matched, manual operations, incidents) merged with what other modules recorded ({@link DossierSource}),
 * and sums it up ({@link DossierSummaries}). Runs with the caller's engine authorizations: only those who may
 * read history get anything.
 */
@Service
public class CaseDossiers {

    private static final Set<String> SKIPPED_ACTIVITY_TYPES = Set.of("multiInstanceBody");
    /** Operations the timeline already shows as task or case entries; listing them again is noise. */
    private static final Set<String> SHOWN_ELSEWHERE = Set.of(UserOperationLogEntry.OPERATION_TYPE_CLAIM,
            UserOperationLogEntry.OPERATION_TYPE_COMPLETE, UserOperationLogEntry.OPERATION_TYPE_ASSIGN);
    static final String SYSTEM = "systeem";
    /** Key of the start form's fields among the steps' forms (no activity id contains a space). */
    private static final String START_FORM = "start form";

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final FormDefinitions formDefinitions;
    private final DossierSummaries summaries;
    private final List<DossierSource> sources;

    CaseDossiers(ProcessEngine engine, HistoryService historyService, RepositoryService repositoryService,
                 FormDefinitions formDefinitions, DossierSummaries summaries, List<DossierSource> sources) {
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.formDefinitions = formDefinitions;
        this.summaries = summaries;
        this.sources = sources;
    }

    /**
     * Reads the dossier in one engine command: its thirty-odd history queries then share one command context, so the
     * engine looks up the caller's authorization groups once instead of once per query, and the reads commit once.
     */
    public Optional<CaseDossier> find(String caseNumber) {
        if (caseNumber == null || caseNumber.isBlank()) {
            return Optional.empty();
        }
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> build(caseNumber));
    }

    private Optional<CaseDossier> build(String caseNumber) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .orderByProcessInstanceStartTime().asc()
                .listPage(0, 1).stream().findFirst().orElse(null);
        if (instance == null) {
            return Optional.empty();
        }
        Build build = new Build(instance);
        build.lifecycle();
        build.steps();
        build.tasks();
        build.variableChanges();
        build.decisions();
        build.manualOperations();
        build.incidents();
        for (DossierSource source : sources) {
            source.entriesFor(caseNumber).forEach(build::addRecord);
        }
        List<DossierEntry> timeline = build.timeline();
        List<CaseDossier.ModelVersion> models = new ArrayList<>();
        models.add(build.process);
        models.addAll(build.decisionModels.values());
        models.addAll(build.forms());
        DossierSummary summary = summaries.summarize(caseNumber, build.completedTasks, build.decisions, timeline);
        return Optional.of(new CaseDossier(caseNumber, instance.getId(), instance.getState(), summary, models, timeline));
    }

    /** One dossier being put together; {@link DossierTimeline} keeps its entries in order. */
    private final class Build {
        private final HistoricProcessInstance instance;
        private final CaseDossier.ModelVersion process;
        private final DossierTimeline timeline = new DossierTimeline();
        private final Map<String, Integer> stepOrder = new HashMap<>();
        private final Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
        private final Map<String, List<String>> candidateGroups = new HashMap<>();
        private final Map<String, UserOperationLogEntry> operations = new HashMap<>();
        private final Map<String, String> completers = new HashMap<>();
        private final List<UserOperationLogEntry> operationLog;
        private final Map<String, CaseDossier.ModelVersion> decisionModels = new LinkedHashMap<>();
        private final Map<String, DmnModelInstance> dmnModels = new HashMap<>();
        private final List<DossierSummaries.CompletedTask> completedTasks = new ArrayList<>();
        private final List<DossierSummaries.Evaluation> decisions = new ArrayList<>();
        private Map<String, Set<String>> formFieldsByTask;
        /** Activity instance id → the step's name, for what the process computed in it. */
        private final Map<String, String> stepNames = new HashMap<>();

        Build(HistoricProcessInstance instance) {
            this.instance = instance;
            ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
            this.process = new CaseDossier.ModelVersion("BPMN", definition.getKey(), definition.getName(),
                    definition.getVersion(), definition.getDeploymentId(), definition.getResourceName());
            this.operationLog = historyService.createUserOperationLogQuery()
                    .processInstanceId(instance.getId())
                    .orderByTimestamp().asc()
                    .list();
            for (UserOperationLogEntry entry : operationLog) {
                operations.putIfAbsent(entry.getOperationId(), entry);
                if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType())
                        && entry.getTaskId() != null && entry.getUserId() != null) {
                    completers.put(entry.getTaskId(), entry.getUserId());
                }
            }
        }

        void addRecord(DossierEntry entry) {
            timeline.addRecord(entry);
        }

        void add(DossierEntry entry, int anchor, int phase) {
            timeline.add(entry, anchor, phase);
        }

        void add(DossierEntry entry, int anchor, int phase, int innermostFirst) {
            timeline.add(entry, anchor, phase, innermostFirst);
        }

        List<DossierEntry> timeline() {
            return timeline.ordered();
        }

        private int anchorOf(String activityInstanceId) {
            return activityInstanceId == null ? DossierTimeline.NO_STEP
                    : stepOrder.getOrDefault(activityInstanceId, DossierTimeline.NO_STEP);
        }

        void lifecycle() {
            add(new DossierEntry(instant(instance.getStartTime()), Kind.CASE_STARTED,
                    orSystem(instance.getStartUserId()), "Zaak gestart",
                    details("processDefinition", instance.getProcessDefinitionKey(),
                            "version", instance.getProcessDefinitionVersion())), -1, 0);
            if (instance.getEndTime() != null) {
                add(new DossierEntry(instant(instance.getEndTime()), Kind.CASE_ENDED, SYSTEM,
                        "COMPLETED".equals(instance.getState()) ? "Zaak afgerond"
                                : "Zaak beëindigd voordat het proces klaar was",
                        details("endActivity", instance.getEndActivityId(), "deleteReason", instance.getDeleteReason())),
                        Integer.MAX_VALUE, 9);
            }
        }

        void steps() {
            List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .orderPartiallyByOccurrence().asc()
                    .list();
            for (HistoricActivityInstance activity : activities) {
                stepOrder.put(activity.getId(), stepOrder.size());
                stepNames.put(activity.getId(), activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId());
            }
            // A scope (sub-process) ends after everything inside it: anchor its end to its last-started descendant.
            Map<String, String> parents = new HashMap<>();
            activities.forEach(activity -> parents.put(activity.getId(), activity.getParentActivityInstanceId()));
            Map<String, Integer> lastDescendant = new HashMap<>();
            for (HistoricActivityInstance activity : activities) {
                int index = stepOrder.get(activity.getId());
                for (String parent = activity.getParentActivityInstanceId(); parent != null && stepOrder.containsKey(parent);
                     parent = parents.get(parent)) {
                    lastDescendant.merge(parent, index, Math::max);
                }
            }
            for (HistoricActivityInstance activity : activities) {
                if (SKIPPED_ACTIVITY_TYPES.contains(activity.getActivityType())) {
                    continue;
                }
                int anchor = anchorOf(activity.getId());
                String name = activity.getActivityName() != null ? activity.getActivityName()
                        : unnamedStep(activity.getActivityType());
                add(new DossierEntry(instant(activity.getStartTime()), Kind.STEP_STARTED,
                        orSystem(activity.getAssignee()), "Stap gestart: " + name,
                        details("activityId", activity.getActivityId(), "activityType", activity.getActivityType())),
                        anchor, 0);
                if (activity.getEndTime() != null) {
                    add(new DossierEntry(instant(activity.getEndTime()), Kind.STEP_ENDED,
                            orSystem(activity.getAssignee()),
                            "Stap afgerond: " + name + (activity.isCanceled() ? " (afgebroken)" : ""),
                            details("activityId", activity.getActivityId(), "activityType", activity.getActivityType(),
                                    "durationMs", activity.getDurationInMillis())),
                            lastDescendant.getOrDefault(activity.getId(), anchor), 6, -anchor);
                }
            }
        }

        void tasks() {
            List<HistoricTaskInstance> history = historyService.createHistoricTaskInstanceQuery()
                    .processInstanceId(instance.getId())
                    .orderByHistoricActivityInstanceStartTime().asc()
                    .list();
            for (HistoricTaskInstance task : history) {
                tasks.put(task.getId(), task);
                int anchor = anchorOf(task.getActivityInstanceId());
                List<HistoricIdentityLinkLog> links = historyService.createHistoricIdentityLinkLogQuery()
                        .taskId(task.getId()).orderByTime().asc().list();
                List<String> groups = links.stream()
                        .filter(link -> "candidate".equals(link.getType()) && "add".equals(link.getOperationType()))
                        .map(HistoricIdentityLinkLog::getGroupId)
                        .filter(group -> group != null)
                        .distinct()
                        .toList();
                candidateGroups.put(task.getId(), groups);
                add(new DossierEntry(instant(task.getStartTime()), Kind.TASK_CREATED, SYSTEM,
                        "Taak '" + task.getName() + "' klaargezet voor " + (groups.isEmpty() ? "-" : String.join(", ", groups)),
                        details("taskId", task.getId(), "taskDefinitionKey", task.getTaskDefinitionKey(),
                                "candidateGroups", groups, "due", printable(task.getDueDate()))), anchor, 2);
                for (HistoricIdentityLinkLog link : links) {
                    if (!"assignee".equals(link.getType())) {
                        continue;
                    }
                    String by = orSystem(link.getAssignerId());
                    boolean added = "add".equals(link.getOperationType());
                    String what = added
                            ? (by.equals(link.getUserId()) ? "opgepakt door " + link.getUserId()
                                : "toegewezen aan " + link.getUserId() + " door " + by)
                            : "teruggelegd (was " + link.getUserId() + ")";
                    add(new DossierEntry(instant(link.getTime()), Kind.TASK_ASSIGNED, by,
                            "Taak '" + task.getName() + "' " + what,
                            details("taskId", task.getId(), "assignee", added ? link.getUserId() : null,
                                    "previousAssignee", added ? null : link.getUserId())), anchor, 3);
                }
                if (task.getEndTime() != null) {
                    boolean completed = "completed".equals(task.getDeleteReason());
                    String completer = completers.getOrDefault(task.getId(), task.getAssignee());
                    add(new DossierEntry(instant(task.getEndTime()), Kind.TASK_COMPLETED, orSystem(completer),
                            "Taak '" + task.getName() + "' " + (completed ? "afgerond" : "beëindigd")
                                    + (completed && completer != null ? " door " + completer : ""),
                            details("taskId", task.getId(), "taskDefinitionKey", task.getTaskDefinitionKey(),
                                    "candidateGroups", groups, "assignee", task.getAssignee(),
                                    "completedBy", completed ? completer : null, "reason", task.getDeleteReason())),
                            anchor, 5);
                    timeline.completedBy(instant(task.getEndTime()), orSystem(completer), anchor);
                    if (completed) {
                        completedTasks.add(new DossierSummaries.CompletedTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                                completer, groups, instant(task.getEndTime())));
                    }
                }
            }
        }

        /**
         * Every value change, attributed exactly: a person is named only for what that person entered, i.e. an
         * editable field of the form of the task they completed (or of the start form when they registered the case).
         * What the process computed meanwhile (a decision table's result, a listener's counter, a read-only field, an
         * input mapping) is "systeem", with the step that computed it.
         */
        void variableChanges() {
            List<HistoricDetail> updates = historyService.createHistoricDetailQuery()
                    .processInstanceId(instance.getId())
                    .variableUpdates()
                    .orderPartiallyByOccurrence().asc()
                    .list();
            Map<String, Object> lastValues = new HashMap<>();
            for (HistoricDetail detail : updates) {
                HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
                Object oldValue = lastValues.get(update.getVariableInstanceId());
                Object newValue = update.getValue();
                lastValues.put(update.getVariableInstanceId(), newValue);
                // Values submitted with a task's form are logged under the user operation that completed the task.
                UserOperationLogEntry operation = update.getUserOperationId() == null ? null
                        : operations.get(update.getUserOperationId());
                String taskId = update.getTaskId() != null ? update.getTaskId()
                        : operation != null ? operation.getTaskId() : null;
                HistoricTaskInstance task = taskId == null ? null : tasks.get(taskId);
                String name = update.getVariableName();
                String person = null;
                String where;
                if (task != null && entered(formFields(task), name)) {
                    person = operation != null ? operation.getUserId() : task.getAssignee();
                    where = " (formulier '" + task.getName() + "')";
                } else if (task == null && isStart(operation) && entered(startFormFields(), name)) {
                    person = operation.getUserId() != null ? operation.getUserId() : instance.getStartUserId();
                    where = " (startformulier)";
                } else {
                    String step = stepNames.get(update.getActivityInstanceId());
                    where = " (berekend door het proces" + (step == null ? "" : " in stap '" + step + "'") + ")";
                    task = null;
                }
                add(new DossierEntry(instant(update.getTime()), Kind.VARIABLE_CHANGED, orSystem(person),
                        "Gegeven '" + name + "' " + (oldValue == null ? "vastgelegd" : "gewijzigd") + where,
                        details("variable", name, "oldValue", printable(oldValue),
                                "newValue", printable(newValue), "taskId", taskId,
                                "enteredBy", person == null ? null : "persoon",
                                "computedIn", person == null ? stepNames.get(update.getActivityInstanceId()) : null)),
                        anchorOf(task != null ? task.getActivityInstanceId() : update.getActivityInstanceId()), 4);
            }
        }

        /** A field a person could fill in: an editable field of the form ({@code null}: a step without a Camunda Form). */
        private static boolean entered(Set<String> editableFields, String variable) {
            return editableFields == null || editableFields.contains(variable);
        }

        /** The operation that started the case (registering it from the start form). */
        private static boolean isStart(UserOperationLogEntry operation) {
            return operation != null && UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(operation.getOperationType())
                    && EntityTypes.PROCESS_INSTANCE.equals(operation.getEntityType()) && operation.getTaskId() == null;
        }

        void decisions() {
            List<HistoricDecisionInstance> evaluations = historyService.createHistoricDecisionInstanceQuery()
                    .processInstanceId(instance.getId())
                    .includeInputs().includeOutputs()
                    .orderByEvaluationTime().asc()
                    .list();
            Map<String, DecisionDefinition> definitions = new HashMap<>();
            for (HistoricDecisionInstance decision : evaluations) {
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
                List<Map<String, Object>> rules = new ArrayList<>();
                List<String> explained = new ArrayList<>();
                for (Map.Entry<String, Map<String, Object>> rule : matched.entrySet()) {
                    RuleText text = ruleText(definition, rule.getKey());
                    rules.add(details("ruleId", rule.getKey(), "annotation", text.annotation(),
                            "conditions", text.conditions(), "outputs", rule.getValue()));
                    explained.add(text.annotation().isEmpty() ? "voor " + text.conditionsText()
                            : "'" + text.annotation() + "' (" + text.conditionsText() + ")");
                    decisions.add(new DossierSummaries.Evaluation(definition.getKey(), definition.getName(),
                            definition.getVersion(), rule.getKey(), text.annotation(), text.conditions(), inputs,
                            rule.getValue(), instant(decision.getEvaluationTime())));
                }
                add(new DossierEntry(instant(decision.getEvaluationTime()), Kind.DECISION, SYSTEM,
                        "Beslistabel '" + definition.getName() + "' (versie " + definition.getVersion() + "): "
                                + (rules.isEmpty() ? "geen regel van toepassing" : "regel " + String.join("; ", explained)),
                        details("decisionKey", definition.getKey(), "version", definition.getVersion(),
                                "activityId", decision.getActivityId(), "inputs", inputs, "matchedRules", rules)),
                        anchorOf(decision.getActivityInstanceId()), 1);
                decisionModels.putIfAbsent(definition.getId(), new CaseDossier.ModelVersion("DMN", definition.getKey(),
                        definition.getName(), definition.getVersion(), definition.getDeploymentId(),
                        definition.getResourceName()));
            }
        }

        /** The annotation of a rule and its tests per input ("-" where the rule accepts any value). */
        private RuleText ruleText(DecisionDefinition definition, String ruleId) {
            DmnModelInstance model = dmnModels.computeIfAbsent(definition.getId(), repositoryService::getDmnModelInstance);
            Rule rule = ruleId == null ? null : model.getModelElementById(ruleId);
            if (rule == null) {
                return new RuleText("", Map.of());
            }
            String annotation = rule.getDescription() == null || rule.getDescription().getTextContent() == null
                    ? "" : rule.getDescription().getTextContent().trim();
            Map<String, String> conditions = new LinkedHashMap<>();
            if (rule.getParentElement() instanceof DecisionTable table) {
                List<Input> inputs = new ArrayList<>(table.getInputs());
                List<InputEntry> tests = new ArrayList<>(rule.getInputEntries());
                for (int i = 0; i < inputs.size() && i < tests.size(); i++) {
                    Input input = inputs.get(i);
                    String label = input.getLabel() != null ? input.getLabel()
                            : input.getInputExpression().getText().getTextContent();
                    String test = tests.get(i).getText() == null ? "" : tests.get(i).getText().getTextContent().trim();
                    conditions.put(label, test.isEmpty() ? "-" : test);
                }
            }
            return new RuleText(annotation, conditions);
        }

        void manualOperations() {
            Map<String, List<UserOperationLogEntry>> byOperation = operationLog.stream()
                    .filter(entry -> !SHOWN_ELSEWHERE.contains(entry.getOperationType()))
                    .filter(entry -> !(UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(entry.getOperationType())
                            && EntityTypes.PROCESS_INSTANCE.equals(entry.getEntityType())))
                    .collect(Collectors.groupingBy(UserOperationLogEntry::getOperationId, LinkedHashMap::new,
                            Collectors.toList()));
            for (List<UserOperationLogEntry> operation : byOperation.values()) {
                UserOperationLogEntry first = operation.get(0);
                List<Map<String, Object>> changes = operation.stream()
                        .filter(entry -> entry.getProperty() != null)
                        .map(entry -> details("property", entry.getProperty(), "oldValue", entry.getOrgValue(),
                                "newValue", entry.getNewValue()))
                        .toList();
                HistoricTaskInstance task = first.getTaskId() == null ? null : tasks.get(first.getTaskId());
                add(new DossierEntry(instant(first.getTimestamp()), Kind.MANUAL_OPERATION,
                        orSystem(first.getUserId()),
                        "Handeling '" + first.getOperationType() + "' op " + first.getEntityType()
                                + (task != null ? " '" + task.getName() + "'" : "") + " door " + orSystem(first.getUserId()),
                        details("operationType", first.getOperationType(), "entityType", first.getEntityType(),
                                "taskId", first.getTaskId(), "annotation", first.getAnnotation(), "changes", changes)),
                        anchorOf(task != null ? task.getActivityInstanceId() : null), 4);
            }
        }

        void incidents() {
            for (HistoricIncident incident : historyService.createHistoricIncidentQuery()
                    .processInstanceId(instance.getId()).list()) {
                add(new DossierEntry(instant(incident.getCreateTime()), Kind.INCIDENT, SYSTEM,
                        "Storing bij stap " + incident.getActivityId() + ": " + incident.getIncidentMessage(),
                        details("incidentType", incident.getIncidentType(), "resolved", incident.isResolved(),
                                "ended", printable(incident.getEndTime()))), anchorOf(null), 0);
            }
        }

        /**
         * The forms of the steps this case went through. Bound to the deployment (formRefBinding="deployment"),
         * each is the version deployed together with the case's process version; other bindings are listed with
         * the form versions of that same deployment as the best available answer.
         */
        /** The field keys of the form of this task's step; null for a step without a Camunda Form (anything goes). */
        private Set<String> formFields(HistoricTaskInstance task) {
            if (formFieldsByTask == null) {
                Map<String, Set<String>> byForm = formDefinitions.fieldKeys(process.deploymentId());
                formFieldsByTask = new HashMap<>();
                for (UserTask userTask : repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId())
                        .getModelElementsByType(UserTask.class)) {
                    if (userTask.getCamundaFormRef() != null) {
                        formFieldsByTask.put(userTask.getId(), byForm.getOrDefault(userTask.getCamundaFormRef(), Set.of()));
                    }
                }
                for (StartEvent start : repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId())
                        .getModelElementsByType(StartEvent.class)) {
                    if (start.getCamundaFormRef() != null && start.getId().equals(instance.getStartActivityId())) {
                        formFieldsByTask.put(START_FORM, byForm.getOrDefault(start.getCamundaFormRef(), Set.of()));
                    }
                }
            }
            if (task == null) {
                return null;
            }
            return formFieldsByTask.get(task.getTaskDefinitionKey());
        }

        /** The editable fields of the start form the case was started with; null when it has none. */
        private Set<String> startFormFields() {
            if (formFieldsByTask == null) {
                formFields(null);
            }
            return formFieldsByTask.get(START_FORM);
        }

        List<CaseDossier.ModelVersion> forms() {
            BpmnModelInstance bpmn = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId());
            Set<String> used = new LinkedHashSet<>();
            for (StartEvent start : bpmn.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null && instance.getStartActivityId() != null
                        && instance.getStartActivityId().equals(start.getId())) {
                    used.add(start.getCamundaFormRef());
                }
            }
            Set<String> taskKeys = tasks.values().stream().map(HistoricTaskInstance::getTaskDefinitionKey)
                    .collect(Collectors.toSet());
            for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() != null && taskKeys.contains(task.getId())) {
                    used.add(task.getCamundaFormRef());
                }
            }
            if (used.isEmpty()) {
                return List.of();
            }
            return formDefinitions.ofDeployment(process.deploymentId()).stream()
                    .filter(form -> used.contains(form.getKey()))
                    .map((CamundaFormDefinition form) -> new CaseDossier.ModelVersion("FORM", form.getKey(),
                            form.getKey(), form.getVersion(),
                            form.getDeploymentId(), form.getResourceName()))
                    .toList();
        }
    }

    /** A step without a name in the diagram (a joining gateway, a plain start or end) by what kind of step it is. */
    private static String unnamedStep(String activityType) {
        return switch (activityType == null ? "" : activityType) {
            case "exclusiveGateway", "inclusiveGateway", "parallelGateway" -> "(samenkomst van paden)";
            case "eventBasedGateway" -> "(wachten op wat het eerst gebeurt)";
            case "startEvent" -> "(begin)";
            case "noneEndEvent", "endEvent" -> "(einde)";
            case "subProcess" -> "(deelproces)";
            default -> "(stap zonder naam)";
        };
    }

    private record RuleText(String annotation, Map<String, String> conditions) {
        String conditionsText() {
            return conditions.entrySet().stream()
                    .map(condition -> condition.getKey() + ": " + RuleWords.of(condition.getKey(), condition.getValue()))
                    .collect(Collectors.joining("; "));
        }
    }

    static Instant instant(Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }

    static String orSystem(String user) {
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
