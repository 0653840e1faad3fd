package nl.wijkzaken.security.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The role definitions of role-authorizations.yml. */
@ConfigurationProperties("wijkzaken.authorizations")
public record RoleAuthorizationProperties(Map<String, Role> roles, List<TaskFilter> filters) {

    public RoleAuthorizationProperties {
        roles = roles == null ? Map.of() : roles;
        filters = filters == null ? List.of() : filters;
    }

    /** The groups a filter is visible to: its own list plus the groups of its roles. */
    List<String> groupsOf(TaskFilter filter) {
        return java.util.stream.Stream.concat(filter.groups().stream(),
                        filter.roles().stream().flatMap(role -> {
                            Role definition = roles.get(role);
                            if (definition == null) {
                                throw new IllegalArgumentException("role-authorizations.yml: filter " + filter.key()
                                        + " names unknown role " + role);
                            }
                            return definition.groups().stream();
                        }))
                .distinct()
                .toList();
    }

    /** {@code task}: for query overdue-task, the task definition key (e.g. SendByPost). */
    public record TaskFilter(String key, String name, String description, Integer priority, String query, Integer days,
                      String neighbourhood, List<String> roles, List<String> groups, String task) {

        public TaskFilter {
            roles = roles == null ? List.of() : roles;
            groups = groups == null ? List.of() : groups;
            priority = priority == null ? 0 : priority;
        }
    }

    public record Role(String description, List<String> groups, List<Grant> grants) {

        public Role {
            groups = groups == null ? List.of() : groups;
            grants = grants == null ? List.of() : grants;
        }
    }

    public record Grant(String resource, String id, List<String> permissions) {
    }
}
