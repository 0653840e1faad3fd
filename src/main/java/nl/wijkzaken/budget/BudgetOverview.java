package nl.wijkzaken.budget;

import java.math.BigDecimal;
import java.util.List;

/**
 * A neighbourhood's budget for one year: the budget, what is reserved for cases, what remains, the grants
 * per case number and every movement in the order they happened.
 */
public record BudgetOverview(String neighbourhood, String neighbourhoodName, int year, BigDecimal budget,
                             BigDecimal reserved, BigDecimal remaining, List<Grant> grants,
                             List<BudgetMovement> movements) {

    /** The net amount reserved for one case (reservations minus releases and corrections). */
    public record Grant(String caseNumber, BigDecimal amount) {
    }
}
