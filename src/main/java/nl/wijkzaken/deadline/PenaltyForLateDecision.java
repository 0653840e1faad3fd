package nl.wijkzaken.deadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The penalty for not deciding in time (dwangsom bij niet tijdig beslissen, Awb 4:17-4:20), plain arithmetic.
 * <ul>
 *   <li>4:17 lid 3: owed from the day after the two weeks that follow the day the notice of default was received
 *       ({@link LegalCalendar#noticeOfDefaultTermEnd}, Atw-moved): that day is day 1.</li>
 *   <li>4:17 lid 2: € 23 a day for days 1-14, € 35 for days 15-28, € 45 for days 29-42.</li>
 *   <li>4:17 lid 1: for at most 42 days (€ 1,442).</li>
 *   <li>4:17 lid 1 and 4:18: it stops the day the decision is sent; that day is still a day in default (the decision
 *       takes effect when it is sent, 3:40), so it is the last day owed. Sent on day 20: 14 × 23 + 6 × 35 = € 532.</li>
 * </ul>
 */
public final class PenaltyForLateDecision {

    /** 4:17 lid 1: at most 42 days. */
    public static final int MAX_DAYS = 42;
    /** 4:17 lid 1 and 2: 14 × 23 + 14 × 35 + 14 × 45. */
    public static final BigDecimal MAXIMUM = new BigDecimal("1442");

    private static final int DAYS_PER_RATE = 14;
    private static final BigDecimal[] RATES = {new BigDecimal("23"), new BigDecimal("35"), new BigDecimal("45")};

    private final LegalCalendar calendar;

    public PenaltyForLateDecision(LegalCalendar calendar) {
        this.calendar = calendar;
    }

    /** Day 1 of the penalty: the day after the two weeks of 4:17 lid 3 (Atw-moved) after the notice was received. */
    public LocalDate firstDay(LocalDate noticeReceivedOn) {
        return calendar.noticeOfDefaultTermEnd(noticeReceivedOn).plusDays(1);
    }

    /** Day 42: the last day the penalty can be owed (4:17 lid 1). */
    public static LocalDate lastPossibleDay(LocalDate firstDay) {
        return firstDay.plusDays(MAX_DAYS - 1);
    }

    /**
     * The last day owed when the decision was sent on {@code sentOn}: that day, at most day 42; null when it was
     * sent before day 1 (nothing owed).
     */
    public static LocalDate lastDayOwed(LocalDate firstDay, LocalDate sentOn) {
        if (sentOn.isBefore(firstDay)) {
            return null;
        }
        LocalDate last = lastPossibleDay(firstDay);
        return sentOn.isAfter(last) ? last : sentOn;
    }

    /** How many days are owed from day 1 up to and including {@code upTo} (0 before day 1, at most 42). */
    public static int daysOwed(LocalDate firstDay, LocalDate upTo) {
        if (upTo.isBefore(firstDay)) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(firstDay, upTo) + 1;
        return (int) Math.min(MAX_DAYS, days);
    }

    /** The amount owed for a number of days (4:17 lid 2), in whole euros. */
    public static BigDecimal amountFor(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Een negatief aantal dagen bestaat niet: " + days);
        }
        BigDecimal total = BigDecimal.ZERO;
        int counted = Math.min(days, MAX_DAYS);
        for (int rate = 0; rate < RATES.length && counted > 0; rate++) {
            int inThisRate = Math.min(counted, DAYS_PER_RATE);
            total = total.add(RATES[rate].multiply(BigDecimal.valueOf(inThisRate)));
            counted -= inThisRate;
        }
        return total;
    }

    /** The amount owed from day 1 up to and including {@code upTo}. */
    public static BigDecimal amountOwed(LocalDate firstDay, LocalDate upTo) {
        return amountFor(daysOwed(firstDay, upTo));
    }

    /** Awb 4:18: the penalty is fixed by decision within two weeks after the last day owed (Atw-moved). */
    public LocalDate fixBy(LocalDate lastDayOwed) {
        return calendar.termEnd(lastDayOwed.plusWeeks(2));
    }
}
