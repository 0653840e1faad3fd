package nl.wijkzaken.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalCalendarTest {

    private final LegalCalendar law = LegalCalendar.ofLaw();

    @ParameterizedTest(name = "Easter {0}: {1}")
    @CsvSource({"2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16", "2029, 2029-04-01", "2030, 2030-04-21"})
    void easterSundayAsPublished(int year, LocalDate easter) {
        assertThat(LegalCalendar.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void theHolidaysOf2026AsTheAtwNamesThem() {
        assertThat(law.publicHolidays(2026)).containsExactly(
                entry("2026-01-01", "Nieuwjaarsdag"), entry("2026-04-03", "Goede Vrijdag"),
                entry("2026-04-06", "Tweede Paasdag"), entry("2026-04-27", "Koningsdag"),
                entry("2026-05-05", "Bevrijdingsdag"), entry("2026-05-14", "Hemelvaartsdag"),
                entry("2026-05-25", "Tweede Pinksterdag"), entry("2026-12-25", "Eerste Kerstdag"),
                entry("2026-12-26", "Tweede Kerstdag"));
    }

    @ParameterizedTest(name = "a term counted to {0} ends {1} (art. 1 Atw)")
    @CsvSource({
            // Christmas Day 2026 is a Friday; the 26th a Saturday: Monday 28 December.
            "2026-12-25, 2026-12-28",
            // Goede Vrijdag 2026 (art. 3 lid 2), then the weekend and Tweede Paasdag: Tuesday 7 April.
            "2026-04-03, 2026-04-07",
            // A plain Wednesday stays.
            "2026-12-02, 2026-12-02",
            // Saturday and Sunday run on to Monday.
            "2026-11-28, 2026-11-30",
            "2026-11-29, 2026-11-30",
            // Koningsdag 2027 is Tuesday 27 April; 2031's 27 April is a Sunday, so Saturday 26 April counts.
            "2027-04-27, 2027-04-28",
            "2031-04-26, 2031-04-28",
            // Ascension 2027 (6 May) and Bevrijdingsdag (5 May) next to each other.
            "2027-05-05, 2027-05-07",
            // Tweede Pinksterdag 2028 (5 June).
            "2028-06-05, 2028-06-06",
            // Goede Vrijdag 2029 (30 March) runs past Easter Monday 2 April.
            "2029-03-30, 2029-04-03",
            // New Year's Day 2030 is a Tuesday.
            "2030-01-01, 2030-01-02",
            // Christmas 2027: Saturday and Sunday, then Monday 27 December is a working day.
            "2027-12-25, 2027-12-27"})
    void aTermEndingOnAFreeDayRunsToTheNextWorkingDay(LocalDate counted, LocalDate ends) {
        assertThat(law.termEnd(counted)).isEqualTo(ends);
    }

    @Test
    void daysEquatedByDecreeAreConfiguration() {
        // e.g. the Friday after Ascension 2027 (7 May), if the government equates it for that year.
        LegalCalendar withDecree = new LegalCalendar(List.of(LocalDate.parse("2027-05-07")));
        assertThat(law.termEnd(LocalDate.parse("2027-05-06"))).isEqualTo("2027-05-07");
        assertThat(withDecree.termEnd(LocalDate.parse("2027-05-06"))).isEqualTo("2027-05-10");
        assertThat(withDecree.publicHolidays(2027)).containsEntry(LocalDate.parse("2027-05-07"), "Bij besluit gelijkgestelde dag");
    }

    @Test
    void theObjectionTermIsSixWeeksFromTheDayAfterSendingAtwMoved() {
        // Sent Friday 13 November 2026: six weeks end Friday 25 December, Christmas: Monday 28 December (6:7, 6:8, Atw).
        assertThat(law.objectionTermEnd(LocalDate.parse("2026-11-13"))).isEqualTo("2026-12-28");
        assertThat(law.objectionTermEnd(LocalDate.parse("2026-12-01"))).isEqualTo("2027-01-12");
    }

    @Test
    void theTwoWeeksOfANoticeOfDefaultAreAtwMoved() {
        // Notice received Friday 11 December 2026: two weeks end on Christmas Day, so Monday 28 December (4:17 lid 3).
        assertThat(law.noticeOfDefaultTermEnd(LocalDate.parse("2026-12-11"))).isEqualTo("2026-12-28");
        assertThat(law.noticeOfDefaultTermEnd(LocalDate.parse("2026-12-01"))).isEqualTo("2026-12-15");
    }

    private static java.util.Map.Entry<LocalDate, String> entry(String day, String name) {
        return java.util.Map.entry(LocalDate.parse(day), name);
    }
}
