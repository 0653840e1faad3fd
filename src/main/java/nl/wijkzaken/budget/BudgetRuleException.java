package nl.wijkzaken.budget;

/**
 * A ledger operation that breaks a rule (negative amount, unknown neighbourhood, a second budget for the
 * same year, releasing more than was reserved, ...). Nothing was booked. {@link #field()} names the input
 * at fault; {@link #getMessage()} is Dutch.
 */
public class BudgetRuleException extends RuntimeException {

    private final String field;

    BudgetRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
