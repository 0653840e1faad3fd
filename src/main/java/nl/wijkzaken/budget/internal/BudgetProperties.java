package nl.wijkzaken.budget.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo budgets. Who may do what with budgets is no setting here: those are roles (see {@link BudgetAccess}),
 * and a municipality maps its groups to roles in role-authorizations.yml.
 */
@ConfigurationProperties("wijkzaken.budget")
record BudgetProperties(List<DemoBudget> demoBudgets) {

    BudgetProperties {
        demoBudgets = demoBudgets == null ? List.of() : demoBudgets;
    }

    record DemoBudget(String neighbourhood, BigDecimal amount) {
    }
}
