package nl.wijkzaken.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * Days on which the decision term stood still (Awb 4:15), {@code firstDay} to {@code lastDay} inclusive. An empty
 * period (a supplement that arrived the day after the request was sent) has {@code lastDay} before {@code firstDay}
 * and counts 0 days. Several suspensions add up ({@link #total}).
 */
public record SuspendedPeriod(LocalDate firstDay, LocalDate lastDay) {

    /**
     * Awb 4:15 lid 2: a suspension with the applicant's written consent (a) or for delay the applicant caused (b),
     * from and to the given days, both counted.
     */
    public static SuspendedPeriod fromTo(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("Vul de eerste en de laatste dag van de opschorting in.");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("De laatste dag van de opschorting ligt vóór de eerste dag.");
        }
        return new SuspendedPeriod(from, to);
    }

    public long days() {
        return Math.max(0, ChronoUnit.DAYS.between(firstDay, lastDay) + 1);
    }

    public boolean isEmpty() {
        return days() == 0;
    }

    public static long total(Collection<SuspendedPeriod> periods) {
        return periods.stream().mapToLong(SuspendedPeriod::days).sum();
    }
}
