package nl.wijkzaken.budget;

/** A second budget for the same neighbourhood and year: a conflict, not a typo. */
public class BudgetAlreadySetException extends BudgetRuleException {

    BudgetAlreadySetException(String message) {
        super("year", message);
    }
}
