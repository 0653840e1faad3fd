package nl.wijkzaken.subsidy.internal;

import org.springframework.stereotype.Component;

import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.security.Roles;

/**
 * Who may read or record the regulation and its ceilings, as roles of role-authorizations.yml: gebiedsmanager and
 * administrator record them ({@link #MANAGERS}, checked by method security like the budget); every other staff role
 * (auditor, wijkmanager, wethouder, ...) reads them, since the ceiling is public law. A login without any staff role
 * reads nothing.
 */
@Component
class SubsidyAccess {

    /** Who establishes regulations and records ceiling acts. */
    static final String MANAGERS = "hasAnyRole('gebiedsmanager', 'administrator')";

    private final Roles roles;

    SubsidyAccess(Roles roles) {
        this.roles = roles;
    }

    /** Refuses a caller who plays no staff role at all. */
    void requireStaff() {
        if (roles.ofCurrentUser().isEmpty()) {
            throw Refusal.forbidden("U mag de subsidieregeling en de plafonds niet inzien");
        }
    }

    boolean mayRecord() {
        return roles.currentUserHasAny("gebiedsmanager", "administrator");
    }
}
