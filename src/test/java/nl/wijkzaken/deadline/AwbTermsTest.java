package nl.wijkzaken.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

/** The Awb terms per article, with real dates and the Algemene termijnenwet applied once, at the end. */
class AwbTermsTest {

    private static final LegalCalendar LAW = LegalCalendar.ofLaw();
    private static final Period EIGHT_WEEKS = Period.ofWeeks(8);

    @Test
    void article413EightWeeksAfterReceiptEndingOnChristmasRunsToTheNextWorkingDay() {
        LegalDeadline deadline = AwbTerms.legalDeadline(LocalDate.of(2026, 10, 30), EIGHT_WEEKS, LAW);

        assertThat(deadline.countedEnd()).as("Friday 25 December 2026, Christmas Day").isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(deadline.end()).as("not Christmas, Boxing Day or Sunday: Monday 28 December").isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(deadline.movedByAtw()).isTrue();
        DeadlineMoments moments = DeadlineMoments.of(deadline, Period.ofDays(7));
        assertThat(moments.escalationOn()).as("escalation the day after the Atw-moved deadline").isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(moments.reminderOn()).isEqualTo(LocalDate.of(2026, 12, 21));
    }

    @Test
    void article413OnGoodFridayAndOnKingsDay() {
        assertThat(AwbTerms.legalDeadline(LocalDate.of(2026, 2, 6), EIGHT_WEEKS, LAW).end())
                .as("Goede Vrijdag 3 April 2026, Easter, Tweede Paasdag: Tuesday 7 April").isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(AwbTerms.legalDeadline(LocalDate.of(2026, 3, 2), EIGHT_WEEKS, LAW).end())
                .as("Koningsdag Monday 27 April 2026").isEqualTo(LocalDate.of(2026, 4, 28));
        LegalDeadline onAWorkingDay = AwbTerms.legalDeadline(LocalDate.of(2026, 12, 1), EIGHT_WEEKS, LAW);
        assertThat(onAWorkingDay).isEqualTo(new LegalDeadline(LocalDate.of(2027, 1, 26), LocalDate.of(2027, 1, 26)));
        assertThat(onAWorkingDay.movedByAtw()).isFalse();
    }

    @Test
    void aDayEquatedByDecreeMovesTheDeadlineToo() {
        LegalCalendar withDecree = new LegalCalendar(java.util.List.of(LocalDate.of(2027, 1, 26)));
        assertThat(AwbTerms.legalDeadline(LocalDate.of(2026, 12, 1), EIGHT_WEEKS, withDecree).end())
                .isEqualTo(LocalDate.of(2027, 1, 27));
    }

    @Test
    void article415SuspendedDaysAddToTheCountedEndNotToTheMovedOneSoNoDaysDrift() {
        LegalDeadline deadline = AwbTerms.legalDeadline(LocalDate.of(2026, 10, 30), EIGHT_WEEKS, LAW);

        LegalDeadline afterTwoDays = deadline.plusSuspendedDays(2, LAW);
        assertThat(afterTwoDays.countedEnd()).isEqualTo(LocalDate.of(2026, 12, 27));
        assertThat(afterTwoDays.end()).as("Sunday 27 December runs to Monday 28, not 30 December").isEqualTo(LocalDate.of(2026, 12, 28));

        LegalDeadline afterSeven = deadline.plusSuspendedDays(5, LAW).plusSuspendedDays(2, LAW);
        assertThat(afterSeven.countedEnd()).as("two suspensions add up").isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(afterSeven.end()).as("Nieuwjaarsdag on a Friday: Monday 4 January 2027").isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void article414UnderAReasonableTermTheNoticeMovesTheDeadline() {
        LegalDeadline deadline = AwbTerms.legalDeadline(LocalDate.of(2026, 10, 30), EIGHT_WEEKS, LAW);

        Extension extension = AwbTerms.extended(deadline, 14, Period.ofWeeks(4), TermKind.REASONABLE_TERM,
                LocalDate.of(2026, 12, 21), LAW);

        assertThat(extension.announced()).isEqualTo(new LegalDeadline(LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 8)));
        assertThat(extension.legal()).as("4:13 lid 2: the notice sets the new term").isEqualTo(extension.announced());
        assertThat(extension.movedLegalDeadline()).isTrue();
        assertThat(AwbTerms.extended(deadline, 28, Period.ofWeeks(4), TermKind.REASONABLE_TERM, deadline.end(), LAW)
                .legal().end()).as("on the last day still allowed; 25 Dec + 28 days = Friday 22 January 2027")
                .isEqualTo(LocalDate.of(2027, 1, 22));
    }

    @Test
    void article414UnderATermSetByRegulationTheNoticeDoesNotMoveTheLegalDeadline() {
        LegalDeadline deadline = AwbTerms.legalDeadline(LocalDate.of(2026, 10, 30), EIGHT_WEEKS, LAW);

        Extension extension = AwbTerms.extended(deadline, 14, Period.ofWeeks(4), TermKind.SET_BY_REGULATION,
                LocalDate.of(2026, 12, 21), LAW);

        assertThat(extension.announced().end()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(extension.legal()).as("late remains late for 4:17").isEqualTo(deadline);
        assertThat(extension.legal().end()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(extension.movedLegalDeadline()).isFalse();
    }

    @Test
    void article414OnlyBeforeTheDeadlineAndNoLongerThanTheTermsTableAllows() {
        LegalDeadline deadline = AwbTerms.legalDeadline(LocalDate.of(2026, 10, 30), EIGHT_WEEKS, LAW);

        assertThatThrownBy(() -> AwbTerms.extended(deadline, 14, Period.ofWeeks(4), TermKind.REASONABLE_TERM,
                LocalDate.of(2026, 12, 29), LAW)).hasMessageContaining("al verstreken");
        assertThatThrownBy(() -> AwbTerms.extended(deadline, 29, Period.ofWeeks(4), TermKind.REASONABLE_TERM,
                LocalDate.of(2026, 12, 21), LAW)).hasMessageContaining("ten hoogste 28 dagen");
        assertThatThrownBy(() -> AwbTerms.extended(deadline, 0, Period.ofWeeks(4), TermKind.REASONABLE_TERM,
                LocalDate.of(2026, 12, 21), LAW)).hasMessageContaining("ten minste 1 dag");
    }

    @Test
    void theTermKindsOfTheTermsTable() {
        assertThat(TermKind.ofCode("regeling")).contains(TermKind.SET_BY_REGULATION);
        assertThat(TermKind.ofCode("redelijke-termijn")).contains(TermKind.REASONABLE_TERM);
        assertThat(TermKind.ofCode("anders")).isEmpty();
    }

    @Test
    void article42TheDateOfReceiptIsNotInTheFutureNorTooFarBack() {
        DateOfReceipt check = new DateOfReceipt(30);
        LocalDate today = LocalDate.of(2026, 12, 1);

        assertThat(check.problem(today, today)).isEmpty();
        assertThat(check.problem(LocalDate.of(2026, 11, 1), today)).as("30 days back").isEmpty();
        assertThat(check.problem(LocalDate.of(2026, 10, 31), today)).get().asString().contains("hoogstens 30 dagen");
        assertThat(check.problem(LocalDate.of(2026, 12, 2), today)).get().asString().contains("niet in de toekomst");
    }
}
