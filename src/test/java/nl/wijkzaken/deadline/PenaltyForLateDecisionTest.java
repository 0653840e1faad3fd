package nl.wijkzaken.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Awb 4:17 and 4:18 with real dates. */
class PenaltyForLateDecisionTest {

    private final PenaltyForLateDecision penalty = new PenaltyForLateDecision(LegalCalendar.ofLaw());

    @Test
    void art4_17_lid3_dayOneIsTheDayAfterTheTwoWeeksAfterReceipt() {
        // Received Tuesday 1 December 2026: the two weeks end Tuesday 15 December, day 1 is 16 December.
        assertThat(penalty.firstDay(LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2026, 12, 16));
    }

    @Test
    void art4_17_lid3_withAtw_theTwoWeeksEndingOnChristmasRunToTheNextWorkingDay() {
        // Received Friday 11 December 2026: two weeks end Friday 25 December (Eerste Kerstdag), then 26 (Tweede
        // Kerstdag, a Saturday) and 27 (Sunday): the term ends Monday 28 December, day 1 is 29 December.
        assertThat(penalty.firstDay(LocalDate.of(2026, 12, 11))).isEqualTo(LocalDate.of(2026, 12, 29));
        // Received Friday 20 March 2026: two weeks end Friday 3 April, Goede Vrijdag: moved to Tuesday 7 April
        // (6 April is Tweede Paasdag), day 1 is 8 April.
        assertThat(penalty.firstDay(LocalDate.of(2026, 3, 20))).isEqualTo(LocalDate.of(2026, 4, 8));
    }

    @Test
    void art4_17_lid2_decisionSentOnDayTwentyCosts14x23Plus6x35() {
        LocalDate dayOne = penalty.firstDay(LocalDate.of(2026, 12, 1));
        LocalDate dayTwenty = LocalDate.of(2027, 1, 4);
        assertThat(PenaltyForLateDecision.daysOwed(dayOne, dayTwenty)).isEqualTo(20);
        LocalDate lastDay = PenaltyForLateDecision.lastDayOwed(dayOne, dayTwenty);
        assertThat(lastDay).isEqualTo(dayTwenty);
        assertThat(PenaltyForLateDecision.amountOwed(dayOne, lastDay)).isEqualByComparingTo("532");
    }

    @Test
    void art4_17_lid2_theRatesPerPeriod() {
        assertThat(PenaltyForLateDecision.amountFor(0)).isEqualByComparingTo("0");
        assertThat(PenaltyForLateDecision.amountFor(1)).isEqualByComparingTo("23");
        assertThat(PenaltyForLateDecision.amountFor(14)).isEqualByComparingTo("322");
        assertThat(PenaltyForLateDecision.amountFor(15)).isEqualByComparingTo("357");
        assertThat(PenaltyForLateDecision.amountFor(28)).isEqualByComparingTo("812");
        assertThat(PenaltyForLateDecision.amountFor(29)).isEqualByComparingTo("857");
        assertThat(PenaltyForLateDecision.amountFor(42)).isEqualByComparingTo("1442");
    }

    @Test
    void art4_17_lid1_atMost42DaysAndAtMost1442Euros() {
        LocalDate dayOne = LocalDate.of(2026, 12, 16);
        assertThat(PenaltyForLateDecision.lastPossibleDay(dayOne)).isEqualTo(LocalDate.of(2027, 1, 26));
        LocalDate sentMuchLater = LocalDate.of(2027, 3, 1);
        assertThat(PenaltyForLateDecision.lastDayOwed(dayOne, sentMuchLater)).isEqualTo(LocalDate.of(2027, 1, 26));
        assertThat(PenaltyForLateDecision.daysOwed(dayOne, sentMuchLater)).isEqualTo(42);
        assertThat(PenaltyForLateDecision.amountOwed(dayOne, sentMuchLater)).isEqualByComparingTo(PenaltyForLateDecision.MAXIMUM);
    }

    @Test
    void art4_17_decisionSentWithinTheTwoWeeksOwesNothing() {
        LocalDate dayOne = LocalDate.of(2026, 12, 16);
        assertThat(PenaltyForLateDecision.lastDayOwed(dayOne, LocalDate.of(2026, 12, 15))).isNull();
        assertThat(PenaltyForLateDecision.amountOwed(dayOne, LocalDate.of(2026, 12, 15))).isEqualByComparingTo("0");
    }

    @Test
    void art4_18_fixedWithinTwoWeeksAfterTheLastDayOwed_atwMoved() {
        // Last day owed Monday 4 January 2027: fixed by Monday 18 January.
        assertThat(penalty.fixBy(LocalDate.of(2027, 1, 4))).isEqualTo(LocalDate.of(2027, 1, 18));
        // Last day owed Saturday 12 December 2026: two weeks end Saturday 26 December: Monday 28 December.
        assertThat(penalty.fixBy(LocalDate.of(2026, 12, 12))).isEqualTo(LocalDate.of(2026, 12, 28));
    }
}
