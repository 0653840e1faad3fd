package nl.wijkzaken.deadline;

import java.time.LocalDate;
import java.time.Period;

/**
 * The days the process acts on for one legal deadline (the Atw-moved end): the owner is reminded
 * {@code reminderBefore} ahead, and the case escalates the day after the deadline (it has passed at the start of
 * that day).
 */
public record DeadlineMoments(LocalDate deadline, LocalDate reminderOn, LocalDate escalationOn) {

    public static DeadlineMoments of(LocalDate deadline, Period reminderBefore) {
        return new DeadlineMoments(deadline, AwbTerms.reminderOn(deadline, reminderBefore), AwbTerms.escalationOn(deadline));
    }

    public static DeadlineMoments of(LegalDeadline deadline, Period reminderBefore) {
        return of(deadline.end(), reminderBefore);
    }
}
