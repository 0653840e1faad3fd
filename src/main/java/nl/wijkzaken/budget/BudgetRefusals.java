package nl.wijkzaken.budget;

import java.math.BigDecimal;
import java.util.Map;

import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;

/**
 * The budget's refusals, as {@link Refusal}s: nothing was booked, the Dutch message says why. A rule names the input
 * at fault in {@code errors} (field: message), as bean validation does; a reservation the remainder does not cover
 * carries {@code remaining}, {@code requested}, {@code neighbourhood} and {@code year}.
 */
final class BudgetRefusals {

    private BudgetRefusals() {
    }

    /** A ledger operation that breaks a rule (negative amount, unknown neighbourhood, releasing too much, ...). */
    static Refusal rule(String field, String message) {
        return Refusal.invalid(message).with("errors", Map.of(field, message));
    }

    /** A second budget for the same neighbourhood and year: a conflict, not a typo. */
    static Refusal alreadySet(String message) {
        return Refusal.conflict(message).titled("Buurtbudget bestaat al").with("errors", Map.of("year", message));
    }

    /** A reservation the remaining budget does not cover: the decider can lower the amount or reject. */
    static Refusal insufficient(String neighbourhood, String neighbourhoodName, int year, BigDecimal remaining,
                                BigDecimal requested, boolean budgetExists) {
        return Refusal.conflict("Onvoldoende buurtbudget: resterend " + DutchFormat.euro(remaining) + " van "
                        + neighbourhoodName + " in " + year + ", gevraagd " + DutchFormat.euro(requested) + "."
                        + (budgetExists ? " Verlaag het bedrag of wijs de aanvraag af."
                                        : " Voor dit jaar is geen buurtbudget vastgesteld."))
                .titled("Onvoldoende buurtbudget")
                .with("remaining", remaining)
                .with("requested", requested)
                .with("neighbourhood", neighbourhood)
                .with("year", year);
    }
}
