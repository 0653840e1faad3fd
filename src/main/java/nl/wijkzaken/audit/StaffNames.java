package nl.wijkzaken.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Who a user id or group id is, as a person reads it: "Gert Gebied", "Gebiedsmanagers". Read from the engine's
 * identity service without the caller's authorizations: an auditor may not list users, yet must know who decided.
 */
@Component
class StaffNames {

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engine;

    StaffNames(IdentityService identityService, ProcessEngineConfigurationImpl engine) {
        this.identityService = identityService;
        this.engine = engine;
    }

    /** The names of everyone and every team a dossier mentions. */
    Names forDossier(CaseDossier dossier) {
        DossierView.Ids ids = DossierView.idsIn(dossier);
        return of(ids.users(), ids.groups());
    }

    /** The names of the given users and groups; ids it does not know stay as they are. */
    Names of(Collection<String> userIds, Collection<String> groupIds) {
        Set<String> users = userIds.stream().filter(id -> id != null && !id.isBlank()).collect(Collectors.toSet());
        Set<String> groups = groupIds.stream().filter(id -> id != null && !id.isBlank()).collect(Collectors.toSet());
        return engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            Map<String, String> people = new HashMap<>();
            if (!users.isEmpty()) {
                for (User user : identityService.createUserQuery().userIdIn(users.toArray(String[]::new)).list()) {
                    String name = ((nonNull(user.getFirstName()) + " " + nonNull(user.getLastName())).trim());
                    people.put(user.getId(), name.isEmpty() ? user.getId() : name);
                }
            }
            Map<String, String> teams = new HashMap<>();
            if (!groups.isEmpty()) {
                for (Group group : identityService.createGroupQuery().groupIdIn(groups.toArray(String[]::new)).list()) {
                    teams.put(group.getId(), group.getName() == null ? group.getId() : group.getName());
                }
            }
            return new Names(people, teams);
        });
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** Looked-up names; {@link CaseDossiers#SYSTEM} reads "systeem (automatisch)". */
    record Names(Map<String, String> people, Map<String, String> groups) {

        static final Names NONE = new Names(Map.of(), Map.of());

        String person(String userId) {
            if (userId == null || userId.equals(CaseDossiers.SYSTEM)) {
                return "systeem (automatisch)";
            }
            return people.getOrDefault(userId, userId);
        }

        String group(String groupId) {
            return groupId == null ? null : groups.getOrDefault(groupId, groupId);
        }
    }
}
