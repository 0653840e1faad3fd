package nl.wijkzaken.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

/** The date rules the deadline steps of resident-request use, without an engine. */
class SuspensionAndMomentsTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 4, 27);
    private static final LocalDate ASKED = LocalDate.of(2026, 3, 10);

    @Test
    void aSupplementAskedTodaySuspendsFromTomorrowAndTheRepairTermLapsesTheDayAfterItsLastDay() {
        Suspension suspension = Suspension.askedOn(ASKED, Period.ofDays(14));

        assertThat(suspension.suspendedFrom()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(suspension.lastRepairDay()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(suspension.lapsesOn()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(Suspension.lapsingOn(ASKED, suspension.lapsesOn())).as("as the process keeps it").isEqualTo(suspension);
    }

    @Test
    void theDeadlineMovesByTheDaysUntilTheSupplementOrTheWholeRepairTermWhenItLapsed() {
        Suspension suspension = Suspension.askedOn(ASKED, Period.ofDays(14));

        LocalDate received = LocalDate.of(2026, 3, 20);
        assertThat(suspension.endsOn(received, false)).isEqualTo(received);
        assertThat(suspension.suspendedDays(received)).isEqualTo(10);
        assertThat(suspension.deadlineAfter(DEADLINE, received)).isEqualTo(LocalDate.of(2026, 5, 7));

        LocalDate lapsed = suspension.endsOn(LocalDate.of(2026, 3, 25), true);
        assertThat(lapsed).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(suspension.deadlineAfter(DEADLINE, lapsed)).isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(suspension.deadlineAfter(DEADLINE, ASKED)).as("a supplement on the day itself adds nothing").isEqualTo(DEADLINE);
    }

    @Test
    void reminderAndEscalationFollowTheDeadlineWhenItIsSuspendedOrExtended() {
        DeadlineMoments moments = DeadlineMoments.of(DEADLINE, Period.ofDays(7));
        assertThat(moments.reminderOn()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(moments.escalationOn()).isEqualTo(LocalDate.of(2026, 4, 28));

        DeadlineMoments resumed = DeadlineMoments.of(Suspension.askedOn(ASKED, Period.ofDays(14))
                .deadlineAfter(DEADLINE, LocalDate.of(2026, 3, 20)), Period.ofDays(7));
        assertThat(resumed).isEqualTo(new DeadlineMoments(LocalDate.of(2026, 5, 7), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 8)));

        DeadlineMoments extended = DeadlineMoments.of(AwbTerms.extended(DEADLINE, Period.ofWeeks(4), DEADLINE), Period.ofDays(7));
        assertThat(extended).isEqualTo(new DeadlineMoments(LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 26)));
        assertThatThrownBy(() -> AwbTerms.extended(DEADLINE, Period.ofWeeks(4), DEADLINE.plusDays(1)))
                .hasMessageContaining("al verstreken");
    }
}
