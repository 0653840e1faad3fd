package nl.wijkzaken.deadline;

import java.time.LocalDate;
import java.time.Period;

/**
 * Awb 4:15 lid 1 sub a: the decision term is suspended from the day after the day the request for a supplement was
 * <em>sent</em> until the day the supplement was received or the repair term lapsed unused, that day itself not
 * counted. A supplement received the day after sending therefore suspends 0 days. The repair term (Awb 4:5) starts
 * the day after sending too; its last day is, as a courtesy to the resident, moved by the Atw like a term set by law.
 *
 * <p>A repair term has lapsed unused at the start of the day after its last day (the resident may send on the last
 * day), so a lapsed term suspends every day from the day after sending up to and including its last day.
 *
 * @param sentOn        the day the request for a supplement was sent (the mail server accepted it, or the letter
 *                      was posted)
 * @param lastRepairDay the last day the resident may send the supplement
 */
public record Suspension(LocalDate sentOn, LocalDate lastRepairDay) {

    /** Sent on {@code sentOn} with the repair term of the terms table; its last day Atw-moved. */
    public static Suspension sentOn(LocalDate sentOn, Period repairTerm, LegalCalendar calendar) {
        return new Suspension(sentOn, calendar.termEnd(AwbTerms.repairTermEnds(sentOn, repairTerm)));
    }

    /** The suspension as the process keeps it: the sending day and the moment the repair term has lapsed. */
    public static Suspension lapsingOn(LocalDate sentOn, LocalDate lapsesOn) {
        return new Suspension(sentOn, lapsesOn.minusDays(1));
    }

    /** The first day the term stands still: the day after sending. */
    public LocalDate suspendedFrom() {
        return sentOn.plusDays(1);
    }

    /** The repair term has lapsed at the start of the day after its last day: the timer fires then. */
    public LocalDate lapsesOn() {
        return lastRepairDay.plusDays(1);
    }

    /** The day the suspension ends, itself not counted: the day the supplement was received, or the lapse. */
    public LocalDate endsOn(LocalDate supplementReceivedOn, boolean termLapsed) {
        return termLapsed ? lapsesOn() : supplementReceivedOn;
    }

    /** The suspended days when the suspension ends on {@code endsOn} (not counted). */
    public SuspendedPeriod endedOn(LocalDate endsOn) {
        return new SuspendedPeriod(suspendedFrom(), endsOn.minusDays(1));
    }

    public long suspendedDays(LocalDate endsOn) {
        return endedOn(endsOn).days();
    }

    /** The legal deadline once the suspension ended on {@code endsOn}: the days added to the counted end, then Atw. */
    public LegalDeadline deadlineAfter(LegalDeadline deadline, LocalDate endsOn, LegalCalendar calendar) {
        return deadline.plusSuspendedDays(suspendedDays(endsOn), calendar);
    }
}
