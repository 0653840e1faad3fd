package nl.wijkzaken.budget;

import java.math.BigDecimal;

/**
 * A reservation that the remaining budget does not cover. Nothing was booked; the decider can lower the
 * amount or reject. {@link #getMessage()} is the Dutch text for the decider.
 */
public class InsufficientBudgetException extends RuntimeException {

    private final String neighbourhood;
    private final int year;
    private final BigDecimal remaining;
    private final BigDecimal requested;

    InsufficientBudgetException(String neighbourhood, String neighbourhoodName, int year, BigDecimal remaining,
                                BigDecimal requested, boolean budgetExists) {
        super("Onvoldoende buurtbudget: resterend " + Amounts.euro(remaining) + " van " + neighbourhoodName + " in "
                + year + ", gevraagd " + Amounts.euro(requested) + "."
                + (budgetExists ? " Verlaag het bedrag of wijs de aanvraag af."
                                : " Voor dit jaar is geen buurtbudget vastgesteld."));
        this.neighbourhood = neighbourhood;
        this.year = year;
        this.remaining = remaining;
        this.requested = requested;
    }

    public String neighbourhood() {
        return neighbourhood;
    }

    public int year() {
        return year;
    }

    /** The remaining budget at the moment the reservation was refused. */
    public BigDecimal remaining() {
        return remaining;
    }

    public BigDecimal requested() {
        return requested;
    }
}
