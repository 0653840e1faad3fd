package nl.wijkzaken.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the application writes dates, times and amounts for Dutch readers, in the municipality's time zone.
 * Residents read long dates ("1 december 2026"), staff pages and forms the short form ("1-12-2026").
 * Every method writes null as null, so callers choose their own placeholder.
 */
public final class DutchFormat {

    /** The municipality's time zone: every calendar day in the application is a day here. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    public static final Locale LOCALE = Locale.forLanguageTag("nl-NL");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", LOCALE);
    private static final DateTimeFormatter DAY_AND_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", LOCALE);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d-M-yyyy", LOCALE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm", LOCALE);
    private static final DateTimeFormatter ISO_MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm:ss", LOCALE);

    private DutchFormat() {
    }

    /** "€ 1.500,00": Dutch grouping and decimal comma, always two decimals. */
    public static String euro(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        // DecimalFormat is not thread-safe, so one per call.
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(LOCALE));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return "€ " + format.format(amount);
    }

    /** A process variable's amount (the engine keeps amounts as doubles). */
    public static String euro(Number amount) {
        return amount == null ? null
                : euro(amount instanceof BigDecimal decimal ? decimal : new BigDecimal(amount.toString()));
    }

    /** "1 december 2026", as residents read it in mails and on the status page. */
    public static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** "maandag 28 december 2026": a deadline as residents read it, with its weekday. */
    public static String dayAndDate(LocalDate date) {
        return date == null ? null : DAY_AND_DATE.format(date);
    }

    /** "1-12-2026", as staff read it on the auditor pages and in the task forms. */
    public static String shortDate(LocalDate date) {
        return date == null ? null : SHORT_DATE.format(date);
    }

    /** "1-12-2026 14:05" in the municipality's time zone. */
    public static String dateTime(Instant at) {
        return at == null ? null : DATE_TIME.format(at.atZone(ZONE));
    }

    /** "1-12-2026 14:05:09": a date-time to the second, for exports that order entries of the same minute. */
    /**
     * The moment in the municipality's zone as ISO-8601 with its offset, always with seconds
     * ("2026-12-01T15:51:00+01:00"; {@code OffsetDateTime.toString()} drops zero seconds): for stored moments.
     */
    public static String isoMoment(Instant at) {
        return at == null ? null : ISO_MOMENT.format(at.atZone(ZONE));
    }

    public static String timestamp(Instant at) {
        return at == null ? null : TIMESTAMP.format(at.atZone(ZONE));
    }
}
