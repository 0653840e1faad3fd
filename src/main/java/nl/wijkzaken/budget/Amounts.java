package nl.wijkzaken.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as the ledger stores them (two decimals) and as Dutch readers write them ("€ 1.234,56"). */
public final class Amounts {

    /** NUMERIC(12,2): ten digits before the decimal separator. */
    static final BigDecimal MAXIMUM = new BigDecimal("9999999999.99");

    private Amounts() {
    }

    public static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static String euro(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL")));
        return "€ " + format.format(amount);
    }
}
