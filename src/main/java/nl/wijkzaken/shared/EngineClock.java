package nl.wijkzaken.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the process engine's. Case events, ledger movements, mails and timer due dates
 * all read it, so they agree with each other, and a test that moves the engine's clock moves all of them.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Today in the municipality's time zone. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), DutchFormat.ZONE);
    }

    /** Now as a wall-clock time in the municipality's time zone (for TIMESTAMP columns without a zone). */
    public static LocalDateTime localNow() {
        return LocalDateTime.ofInstant(now(), DutchFormat.ZONE);
    }

    /** The calendar day of an engine date (a process variable or a due date). */
    public static LocalDate toLocalDate(Date date) {
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), DutchFormat.ZONE);
    }

    /** The start of the day in the municipality's time zone, as a timer due date or date variable. */
    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(DutchFormat.ZONE).toInstant());
    }
}
