package nl.wijkzaken.budget.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may read or manage which budget. Readers of all neighbourhoods and managers are configured groups;
 * a neighbourhood's own wijkmanager group comes from the case-owner DMN table, so responsibility stays in
 * the model.
 */
@Component
@EnableConfigurationProperties(BudgetProperties.class)
class BudgetAccess {

    /** How nl.wijkzaken.security presents a user's identity-service groups to Spring Security. */
    private static final String GROUP_PREFIX = "GROUP_";
    static final String OWNER_DECISION = "case-owner";

    private final BudgetProperties properties;
    private final DecisionService decisionService;
    private final IdentityService identityService;

    BudgetAccess(BudgetProperties properties, DecisionService decisionService, IdentityService identityService) {
        this.properties = properties;
        this.decisionService = decisionService;
        this.identityService = identityService;
    }

    boolean mayManage(Collection<? extends GrantedAuthority> authorities) {
        return groups(authorities).stream().anyMatch(properties.manageGroups()::contains);
    }

    boolean mayRead(Collection<? extends GrantedAuthority> authorities, String neighbourhood) {
        Set<String> groups = groups(authorities);
        if (groups.stream().anyMatch(properties.readAllGroups()::contains)
                || groups.stream().anyMatch(properties.manageGroups()::contains)) {
            return true;
        }
        String owner = ownerGroup(neighbourhood);
        return owner != null && groups.contains(owner);
    }

    /** The owner group of the neighbourhood according to the case-owner table; null when no rule matches. */
    String ownerGroup(String neighbourhood) {
        // The application asks, not the caller: a wijkmanager has no engine permission on decision definitions.
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            var result = decisionService.evaluateDecisionTableByKey(OWNER_DECISION)
                    .variables(Variables.putValue("neighbourhood", neighbourhood))
                    .evaluate();
            Map<String, Object> single = result.getSingleResult() == null ? null : result.getSingleResult().getEntryMap();
            return single == null ? null : (String) single.get("ownerGroup");
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private static Set<String> groups(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length()))
                .collect(Collectors.toSet());
    }
}
