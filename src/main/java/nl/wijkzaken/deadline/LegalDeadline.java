package nl.wijkzaken.deadline;

import java.time.LocalDate;

/**
 * One legal deadline, kept twice: {@code countedEnd} is where counting the term ends (the day of receipt plus the
 * decision term, plus every suspended day, plus an extension where that moves the term); {@code end} is that day
 * moved by the Algemene termijnenwet (art. 1) to the next working day. Suspensions and extensions add to the counted
 * end and the Atw is applied once, to the result: applying it to an already moved end would let days drift.
 */
public record LegalDeadline(LocalDate countedEnd, LocalDate end) {

    public LegalDeadline {
        if (countedEnd == null || end == null || end.isBefore(countedEnd)) {
            throw new IllegalArgumentException("A legal deadline ends on or after its counted end: " + countedEnd + ", " + end);
        }
    }

    /** The deadline whose counting ends on {@code countedEnd}, moved by the Atw. */
    public static LegalDeadline countedTo(LocalDate countedEnd, LegalCalendar calendar) {
        return new LegalDeadline(countedEnd, calendar.termEnd(countedEnd));
    }

    /** Awb 4:15: the suspended days are added to the counted end; the Atw is applied again to the new counted end. */
    public LegalDeadline plusSuspendedDays(long days, LegalCalendar calendar) {
        if (days < 0) {
            throw new IllegalArgumentException("Suspended days cannot be negative: " + days);
        }
        return countedTo(countedEnd.plusDays(days), calendar);
    }

    /** Whether the Atw moved the end (the counted end is a Saturday, Sunday or public holiday). */
    public boolean movedByAtw() {
        return !end.equals(countedEnd);
    }
}
