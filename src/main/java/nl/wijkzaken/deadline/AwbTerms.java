package nl.wijkzaken.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * Awb deadline arithmetic in calendar days. The lengths of the terms are not here: they come from the
 * {@code terms} DMN table and are passed in.
 */
public final class AwbTerms {

    private AwbTerms() {
    }

    /** Awb 4:13: the legal deadline, the given term after the day of receipt. */
    public static LocalDate legalDeadline(LocalDate receivedOn, Period decisionTerm) {
        return receivedOn.plus(decisionTerm);
    }

    /**
     * Awb 4:15: the term is suspended from the day after the request to complete until the day the supplement
     * arrives or the repair term lapses; that many days are added. A supplement on the day of the request adds none.
     */
    public static long suspendedDays(LocalDate supplementRequestedOn, LocalDate suspensionEndsOn) {
        return Math.max(0, ChronoUnit.DAYS.between(supplementRequestedOn, suspensionEndsOn));
    }

    public static LocalDate afterSuspension(LocalDate deadline, LocalDate supplementRequestedOn, LocalDate suspensionEndsOn) {
        return deadline.plusDays(suspendedDays(supplementRequestedOn, suspensionEndsOn));
    }

    /** The last day the resident may send the supplement. */
    public static LocalDate repairTermEnds(LocalDate supplementRequestedOn, Period repairTerm) {
        return supplementRequestedOn.plus(repairTerm);
    }

    /** Awb 4:14(3): the new deadline named to the resident, only allowed before the current one has passed. */
    public static LocalDate extended(LocalDate deadline, Period extension, LocalDate today) {
        if (today.isAfter(deadline)) {
            throw new IllegalStateException("De beslistermijn is al verstreken; verlengen kan alleen vóór het einde van de termijn.");
        }
        return deadline.plus(extension);
    }

    public static LocalDate reminderOn(LocalDate deadline, Period reminderBefore) {
        return deadline.minus(reminderBefore);
    }

    /** The deadline has passed at the start of the next day. */
    public static LocalDate escalationOn(LocalDate deadline) {
        return deadline.plusDays(1);
    }
}
