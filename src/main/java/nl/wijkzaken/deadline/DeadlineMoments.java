package nl.wijkzaken.deadline;

import java.time.LocalDate;
import java.time.Period;

/**
 * The days the process acts on for one legal deadline: the owner is reminded {@code reminderBefore} ahead, and the
 * case escalates the day after the deadline (it has passed at the start of that day).
 */
public record DeadlineMoments(LocalDate deadline, LocalDate reminderOn, LocalDate escalationOn) {

    public static DeadlineMoments of(LocalDate deadline, Period reminderBefore) {
        return new DeadlineMoments(deadline, AwbTerms.reminderOn(deadline, reminderBefore), AwbTerms.escalationOn(deadline));
    }

    /** Awb 4:14(3): once, before the current deadline has passed; the moments move with the deadline. */
    public DeadlineMoments extendedBy(Period extension, LocalDate today, Period reminderBefore) {
        return of(AwbTerms.extended(deadline, extension, today), reminderBefore);
    }

    /** Awb 4:15: the suspended days are added; the moments move with the deadline. */
    public DeadlineMoments after(Suspension suspension, LocalDate endsOn, Period reminderBefore) {
        return of(suspension.deadlineAfter(deadline, endsOn), reminderBefore);
    }
}
