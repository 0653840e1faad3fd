package nl.wijkzaken.deadline;

import java.time.LocalDate;
import java.time.Period;

/**
 * Awb deadline arithmetic in calendar days, with the Algemene termijnenwet applied once at the end. The lengths of
 * the terms are not here: they come from the {@code terms} DMN table and are passed in.
 */
public final class AwbTerms {

    private AwbTerms() {
    }

    /**
     * Awb 4:13 and Atw art. 1: the term counts from the day after the day of receipt, so its counted end is the day
     * of receipt plus the term; a counted end on a Saturday, Sunday or public holiday moves to the next working day.
     * Received Friday 30 October 2026 with 8 weeks: counted end Friday 25 December (Christmas Day), deadline Monday
     * 28 December 2026.
     */
    public static LegalDeadline legalDeadline(LocalDate receivedOn, Period decisionTerm, LegalCalendar calendar) {
        return LegalDeadline.countedTo(receivedOn.plus(decisionTerm), calendar);
    }

    /** The last day of a repair term (Awb 4:5) that starts the day after {@code sentOn}, as counted (no Atw yet). */
    public static LocalDate repairTermEnds(LocalDate sentOn, Period repairTerm) {
        return sentOn.plus(repairTerm);
    }

    /**
     * Awb 4:14: a notice of extension, before the deadline (as it stands, Atw-moved) has passed, with a term "zo kort
     * mogelijk" of {@code days} chosen by the owner, at most {@code maximum} (the terms table) after the counted end.
     * Under a reasonable term (4:13 lid 2) the notice moves the legal deadline; under a term set by regulation it
     * does not, and only the announced date is later.
     *
     * @throws IllegalArgumentException with a Dutch message when the deadline has passed or the term is not allowed
     */
    public static Extension extended(LegalDeadline current, long days, Period maximum, TermKind kind, LocalDate today,
                                     LegalCalendar calendar) {
        if (today.isAfter(current.end())) {
            throw new IllegalArgumentException("De beslistermijn is al verstreken; verlengen kan alleen vóór het einde van de termijn (artikel 4:14 Awb).");
        }
        if (days < 1) {
            throw new IllegalArgumentException("Kies een verlenging van ten minste 1 dag.");
        }
        LocalDate counted = current.countedEnd().plusDays(days);
        LocalDate latest = current.countedEnd().plus(maximum);
        if (counted.isAfter(latest)) {
            long maximumDays = java.time.temporal.ChronoUnit.DAYS.between(current.countedEnd(), latest);
            throw new IllegalArgumentException("De verlenging is te lang: ten hoogste " + maximumDays
                    + " dagen volgens de termijnentabel. Kies een termijn die zo kort mogelijk is (artikel 4:14 Awb).");
        }
        LegalDeadline announced = LegalDeadline.countedTo(counted, calendar);
        return new Extension(kind.extensionMovesDeadline() ? announced : current, announced, kind, days);
    }

    public static LocalDate reminderOn(LocalDate deadline, Period reminderBefore) {
        return deadline.minus(reminderBefore);
    }

    /** The deadline has passed at the start of the next day: the escalation timer fires then. */
    public static LocalDate escalationOn(LocalDate deadline) {
        return deadline.plusDays(1);
    }
}
