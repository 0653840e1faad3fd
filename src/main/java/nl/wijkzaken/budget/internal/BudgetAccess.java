package nl.wijkzaken.budget.internal;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import nl.wijkzaken.security.Roles;

/**
 * Who may read or manage which budget, as roles of role-authorizations.yml: gebiedsmanager and administrator
 * release grants ({@link #MANAGERS}, checked by method security like the other role checks; the budget itself follows
 * the subsidy ceiling, recorded in the subsidy module); auditors
 * read every budget too; a wijkmanager reads the budget of his own neighbourhood only, whose owner group comes from
 * the case-owner DMN table, so responsibility stays in the model.
 */
@Component
class BudgetAccess {

    /** Who sets, changes and releases budgets. */
    static final String MANAGERS = "hasAnyRole('gebiedsmanager', 'administrator')";
    /** Who reads every neighbourhood's budget (the managers and the auditor). */
    private static final String[] READERS_OF_ALL = {"gebiedsmanager", "administrator", "auditor"};
    static final String OWNER_DECISION = "case-owner";

    private final Roles roles;
    private final DecisionService decisionService;
    private final IdentityService identityService;

    BudgetAccess(Roles roles, DecisionService decisionService, IdentityService identityService) {
        this.roles = roles;
        this.decisionService = decisionService;
        this.identityService = identityService;
    }

    /** Whether the person making the current request may read the neighbourhood's budget. */
    boolean mayRead(String neighbourhood) {
        if (roles.currentUserHasAny(READERS_OF_ALL)) {
            return true;
        }
        String owner = ownerGroup(neighbourhood);
        return owner != null && roles.groupsOfCurrentUser().contains(owner);
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
}
