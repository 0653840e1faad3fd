package nl.wijkzaken.budget;

/** The kinds of ledger movement. The sign of a movement's amount is its effect on the remaining budget. */
public enum MovementType {
    /** The first budget of a neighbourhood and year (positive). */
    BUDGET_SET,
    /** A later raise or cut of that budget (positive or negative). */
    BUDGET_CHANGE,
    /** Money granted to a case (negative). */
    RESERVATION,
    /** Money of a case given back, e.g. a grant withdrawn or less spent (positive). */
    RELEASE,
    /**
     * The municipality pays work it does itself from the neighbourhood's budget, in answer to a verzoek (negative).
     * Not a grant to the resident (no subsidy, LEGAL.md 1): booked for the case, but never reserved or released.
     */
    INTERNAL_ALLOCATION
}
