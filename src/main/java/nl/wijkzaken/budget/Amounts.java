package nl.wijkzaken.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as the ledger stores them (two decimals); for readers, see {@link nl.wijkzaken.shared.DutchFormat#euro}. */
public final class Amounts {

    /** NUMERIC(12,2): ten digits before the decimal separator. */
    static final BigDecimal MAXIMUM = new BigDecimal("9999999999.99");

    private Amounts() {
    }

    public static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
