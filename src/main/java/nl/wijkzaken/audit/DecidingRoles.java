package nl.wijkzaken.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The role of a group as the municipality reads it ("wijkmanager-breukelen" is a wijkmanager), from the same
 * role list in role-authorizations.yml that grants the permissions. Read from configuration, so a municipality
 * that maps its own directory groups there sees its own groups in the dossier and the search.
 */
@Component
class DecidingRoles {

    private final Map<String, List<String>> groupsByRole = new LinkedHashMap<>();

    DecidingRoles(Environment environment) {
        Binder.get(environment)
                .bind("wijkzaken.authorizations.roles", Bindable.mapOf(String.class, RoleGroups.class))
                .orElse(Map.of())
                .forEach((role, definition) -> groupsByRole.put(role,
                        definition.groups() == null ? List.of() : List.copyOf(definition.groups())));
    }

    /** The first role (in file order) that lists the group. */
    Optional<String> roleOf(String group) {
        if (group == null) {
            return Optional.empty();
        }
        return groupsByRole.entrySet().stream()
                .filter(role -> role.getValue().contains(group))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    Optional<List<String>> groupsOf(String role) {
        return Optional.ofNullable(groupsByRole.get(role));
    }

    Set<String> roles() {
        return groupsByRole.keySet();
    }

    /** Only the groups of a role entry; its description and grants are the security module's business. */
    public record RoleGroups(List<String> groups) {
    }
}
