package nl.wijkzaken.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Algemene termijnenwet (Atw): a term set by law that ends on a Saturday, Sunday or public holiday runs on to
 * the next day that is none of these (art. 1). The public holidays are those of art. 3 lid 1 (computed per year,
 * Easter-based ones included), Goede Vrijdag (art. 3 lid 2) and the days equated by decree for a given year
 * (art. 3 lid 3, published in the Staatscourant), which are configuration ({@code wijkzaken.deadline.equated-holidays}).
 *
 * <p>Also the legal terms built on it: the objection term (Awb 6:7, 6:8) and the two weeks after a notice of
 * default (Awb 4:17 lid 3).
 */
public final class LegalCalendar {

    private static final Period OBJECTION_TERM = Period.ofWeeks(6);
    private static final Period NOTICE_OF_DEFAULT_TERM = Period.ofWeeks(2);

    private final Set<LocalDate> equatedByDecree;

    public LegalCalendar(Collection<LocalDate> equatedByDecree) {
        this.equatedByDecree = Set.copyOf(equatedByDecree);
    }

    /** Only the holidays of the law itself, no equated days: for tests and code without configuration. */
    public static LegalCalendar ofLaw() {
        return new LegalCalendar(Set.of());
    }

    /** Atw art. 1: the day the term really ends, given the day it would end by counting. */
    public LocalDate termEnd(LocalDate countedEnd) {
        LocalDate day = countedEnd;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * Awb 6:7 and 6:8: six weeks, starting the day after the day the decision was sent; the last day an objection
     * can be made, Atw-moved.
     */
    public LocalDate objectionTermEnd(LocalDate decisionSentOn) {
        return termEnd(decisionSentOn.plus(OBJECTION_TERM));
    }

    /**
     * Awb 4:17 lid 3: the last day of the two weeks after the day the notice of default was received (Atw-moved);
     * the penalty is owed from the day after.
     */
    public LocalDate noticeOfDefaultTermEnd(LocalDate noticeReceivedOn) {
        return termEnd(noticeReceivedOn.plus(NOTICE_OF_DEFAULT_TERM));
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !isPublicHoliday(day);
    }

    public boolean isPublicHoliday(LocalDate day) {
        return publicHolidays(day.getYear()).containsKey(day);
    }

    /** Atw art. 3: the public holidays of a year with their Dutch names, in date order. */
    public Map<LocalDate, String> publicHolidays(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        LocalDate easter = easterSunday(year);
        days.put(LocalDate.of(year, 1, 1), "Nieuwjaarsdag");
        days.put(easter.minusDays(2), "Goede Vrijdag");
        days.put(easter.plusDays(1), "Tweede Paasdag");
        LocalDate kingsDay = MonthDay.of(4, 27).atYear(year);
        days.put(kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay, "Koningsdag");
        days.put(LocalDate.of(year, 5, 5), "Bevrijdingsdag");
        days.put(easter.plusDays(39), "Hemelvaartsdag");
        days.put(easter.plusDays(50), "Tweede Pinksterdag");
        days.put(LocalDate.of(year, 12, 25), "Eerste Kerstdag");
        days.put(LocalDate.of(year, 12, 26), "Tweede Kerstdag");
        equatedByDecree.stream().filter(day -> day.getYear() == year)
                .forEach(day -> days.putIfAbsent(day, "Bij besluit gelijkgestelde dag"));
        return days;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
