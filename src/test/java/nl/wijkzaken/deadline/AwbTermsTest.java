package nl.wijkzaken.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

class AwbTermsTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

    @Test
    void theLegalDeadlineIsEightWeeksAfterReceipt() {
        assertThat(AwbTerms.legalDeadline(RECEIVED, Period.ofWeeks(8))).isEqualTo(LocalDate.of(2026, 4, 27));
    }

    @Test
    void suspensionRunsFromTheDayAfterTheRequestUntilTheSupplementArrives() {
        LocalDate deadline = LocalDate.of(2026, 4, 27);
        LocalDate requested = LocalDate.of(2026, 3, 10);

        assertThat(AwbTerms.suspendedDays(requested, LocalDate.of(2026, 3, 10))).isZero();
        assertThat(AwbTerms.suspendedDays(requested, LocalDate.of(2026, 3, 11))).isEqualTo(1);
        assertThat(AwbTerms.afterSuspension(deadline, requested, LocalDate.of(2026, 3, 20))).isEqualTo(LocalDate.of(2026, 5, 7));
    }

    @Test
    void aLapsedRepairTermSuspendsForTheWholeTerm() {
        LocalDate requested = LocalDate.of(2026, 3, 10);
        LocalDate lastDay = AwbTerms.repairTermEnds(requested, Period.ofDays(14));

        assertThat(lastDay).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(AwbTerms.afterSuspension(LocalDate.of(2026, 4, 27), requested, lastDay)).isEqualTo(LocalDate.of(2026, 5, 11));
    }

    @Test
    void anExtensionIsOnlyPossibleBeforeTheDeadlinePasses() {
        LocalDate deadline = LocalDate.of(2026, 4, 27);

        assertThat(AwbTerms.extended(deadline, Period.ofWeeks(4), deadline)).isEqualTo(LocalDate.of(2026, 5, 25));
        assertThatThrownBy(() -> AwbTerms.extended(deadline, Period.ofWeeks(4), deadline.plusDays(1)))
                .hasMessageContaining("al verstreken");
    }

    @Test
    void remindersComeBeforeAndEscalationTheDayAfterTheDeadline() {
        LocalDate deadline = LocalDate.of(2026, 4, 27);

        assertThat(AwbTerms.reminderOn(deadline, Period.ofDays(7))).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(AwbTerms.escalationOn(deadline)).isEqualTo(LocalDate.of(2026, 4, 28));
    }
}
