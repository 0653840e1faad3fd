package nl.wijkzaken.casefile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock, so that case dates and timer due dates agree (also when a test moves the clock). */
public final class EngineTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private EngineTime() {
    }

    public static LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    public static LocalDate today() {
        return now().toLocalDate();
    }

    public static LocalDate toLocalDate(Date date) {
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZONE);
    }

    /** The start of the day in the municipality's time zone, as a timer due date. */
    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZONE).toInstant());
    }
}
