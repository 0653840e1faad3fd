package nl.wijkzaken.security.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the Tasklist filters of role-authorizations.yml, each readable only by its groups (filters made
 * with camunda.bpm.filter.create get no authorizations, so the engine would hide them from everyone).
 */
@Component
@Order(11)
class TasklistFilterInitializer implements ApplicationRunner {

    static final String KEY_PROPERTY = "wijkzakenKey";

    private final RoleAuthorizationProperties properties;
    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TasklistFilterInitializer(RoleAuthorizationProperties properties, FilterService filterService,
                              TaskService taskService, AuthorizationService authorizationService) {
        this.properties = properties;
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Filter> existing = filterService.createTaskFilterQuery().list();
        for (RoleAuthorizationProperties.TaskFilter definition : properties.filters()) {
            Filter filter = existing.stream()
                    .filter(f -> definition.key().equals(f.getProperties() == null ? null : f.getProperties().get(KEY_PROPERTY)))
                    .findFirst()
                    .orElseGet(filterService::newTaskFilter);
            filter.setName(definition.name());
            filter.setOwner(null);
            filter.setQuery(query(definition));
            filter.setProperties(displayProperties(definition));
            filterService.saveFilter(filter);
            for (String group : properties.groupsOf(definition)) {
                allowToRead(filter.getId(), group);
            }
        }
    }

    /**
     * Every list is ordered by deadline, soonest first: the engine puts a filter's stored ordering before the sort
     * Tasklist sends (its default, newest first, then only breaks ties).
     */
    private TaskQuery query(RoleAuthorizationProperties.TaskFilter definition) {
        TaskQuery query = taskService.createTaskQuery().orderByDueDate().asc();
        return switch (definition.query()) {
            case "assigned-to-me" -> query.taskAssigneeExpression("${currentUser()}");
            case "my-groups" -> query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
            case "due-within-days" -> query.dueBeforeExpression(
                    "${dateTime().plusDays(" + requireDays(definition) + ").toDate()}");
            case "neighbourhood" -> query.processVariableValueEquals("neighbourhood", definition.neighbourhood());
            // Tasks of one kind whose due date has passed (e.g. a letter to post within two working days).
            case "overdue-task" -> query.taskDefinitionKey(requireTask(definition)).dueBeforeExpression("${now()}");
            default -> throw new IllegalArgumentException("role-authorizations.yml: filter " + definition.key()
                    + " has unknown query " + definition.query());
        };
    }

    private static String requireTask(RoleAuthorizationProperties.TaskFilter definition) {
        if (definition.task() == null || definition.task().isBlank()) {
            throw new IllegalArgumentException("role-authorizations.yml: filter " + definition.key() + " needs task");
        }
        return definition.task();
    }

    private static int requireDays(RoleAuthorizationProperties.TaskFilter definition) {
        if (definition.days() == null || definition.days() < 0) {
            throw new IllegalArgumentException("role-authorizations.yml: filter " + definition.key() + " needs days >= 0");
        }
        return definition.days();
    }

    private static Map<String, Object> displayProperties(RoleAuthorizationProperties.TaskFilter definition) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(KEY_PROPERTY, definition.key());
        props.put("description", definition.description() == null ? definition.name() : definition.description());
        props.put("priority", definition.priority());
        props.put("refresh", true);
        props.put("variables", cardVariables(definition));
        return props;
    }

    /**
     * What every card shows, in this order: the task-local card copies of the process's TaskCards (names as in
     * ResidentRequestProcess.Cards; this module may not use the models module, TaskCardsTest checks the match).
     * The variable names are also what Tasklist's search offers ("Zaaknummer (caseNumber)"). Only the wijk's own
     * filter shows whether the owner may only read the task: that filter is for the owner's group alone.
     */
    static List<Map<String, String>> cardVariables(RoleAuthorizationProperties.TaskFilter definition) {
        List<Map<String, String>> variables = new java.util.ArrayList<>(List.of(
                Map.of("name", "caseNumber", "label", "Zaaknummer"),
                Map.of("name", "title", "label", "Onderwerp"),
                Map.of("name", "neighbourhoodName", "label", "Wijk"),
                Map.of("name", "cardAmountRequested", "label", "Gevraagd bedrag"),
                Map.of("name", "cardPhase", "label", "Status bewoner"),
                Map.of("name", "cardDeadline", "label", "Beslistermijn"),
                // Only on "Dwangsom loopt: besluit versturen" (Awb 4:17): refreshed daily by processes/penalty.bpmn.
                Map.of("name", "penaltyAmountSoFar", "label", "Dwangsom tot nu toe (EUR)")));
        if ("neighbourhood".equals(definition.query())) {
            variables.add(Map.of("name", "cardReadOnly", "label", "Let op"));
        }
        return variables;
    }

    private void allowToRead(String filterId, String groupId) {
        boolean present = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.FILTER).resourceId(filterId).groupIdIn(groupId)
                .count() > 0;
        if (!present) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.setGroupId(groupId);
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
