package nl.wijkzaken.deadline;

import java.time.LocalDate;
import java.time.Period;

/**
 * Awb 4:15: the legal deadline is suspended while the resident completes the request. {@code requestedOn} is the day
 * the supplement was asked, {@code lastRepairDay} the last day the resident may send it (Awb 4:5).
 */
public record Suspension(LocalDate requestedOn, LocalDate lastRepairDay) {

    /** Asked today with the repair term of the terms table. */
    public static Suspension askedOn(LocalDate requestedOn, Period repairTerm) {
        return new Suspension(requestedOn, AwbTerms.repairTermEnds(requestedOn, repairTerm));
    }

    /** The suspension as the process keeps it: the request day and the moment the repair term has lapsed. */
    public static Suspension lapsingOn(LocalDate requestedOn, LocalDate lapsesOn) {
        return new Suspension(requestedOn, lapsesOn.minusDays(1));
    }

    /** The term stands still from the day after the request. */
    public LocalDate suspendedFrom() {
        return requestedOn.plusDays(1);
    }

    /** The repair term has lapsed at the start of the day after its last day: the timer fires then. */
    public LocalDate lapsesOn() {
        return lastRepairDay.plusDays(1);
    }

    /** The last suspended day: the day the supplement arrived, or the last repair day when it did not. */
    public LocalDate endsOn(LocalDate supplementReceivedOn, boolean termLapsed) {
        return termLapsed ? lastRepairDay : supplementReceivedOn;
    }

    public long suspendedDays(LocalDate endsOn) {
        return AwbTerms.suspendedDays(requestedOn, endsOn);
    }

    /** The legal deadline once the suspension ended on {@code endsOn}. */
    public LocalDate deadlineAfter(LocalDate deadline, LocalDate endsOn) {
        return AwbTerms.afterSuspension(deadline, requestedOn, endsOn);
    }
}
