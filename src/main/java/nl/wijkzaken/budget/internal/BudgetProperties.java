package nl.wijkzaken.budget.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what with budgets (group ids, kept out of the code), and the demo budgets.
 * Which wijkmanager group owns a neighbourhood is not here: that is the case-owner DMN table.
 */
@ConfigurationProperties("wijkzaken.budget")
record BudgetProperties(List<String> readAllGroups, List<String> manageGroups, List<DemoBudget> demoBudgets) {

    BudgetProperties {
        readAllGroups = readAllGroups == null ? List.of() : readAllGroups;
        manageGroups = manageGroups == null ? List.of() : manageGroups;
        demoBudgets = demoBudgets == null ? List.of() : demoBudgets;
    }

    record DemoBudget(String neighbourhood, BigDecimal amount) {
    }
}
