package nl.wijkzaken.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Awb 4:15 suspension arithmetic and the moments the process acts on, with real dates, without an engine. */
class SuspensionAndMomentsTest {

    private static final LegalCalendar LAW = LegalCalendar.ofLaw();
    private static final LocalDate SENT = LocalDate.of(2026, 3, 10);
    /** Received 2 March 2026: counted end Monday 27 April, Koningsdag, so the deadline is Tuesday 28 April. */
    private static final LegalDeadline DEADLINE = AwbTerms.legalDeadline(LocalDate.of(2026, 3, 2), Period.ofWeeks(8), LAW);

    @Test
    void theSuspensionAndTheRepairTermStartTheDayAfterTheRequestWasSent() {
        Suspension suspension = Suspension.sentOn(SENT, Period.ofDays(14), LAW);

        assertThat(suspension.suspendedFrom()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(suspension.lastRepairDay()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(suspension.lapsesOn()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(Suspension.lapsingOn(SENT, suspension.lapsesOn())).as("as the process keeps it").isEqualTo(suspension);
    }

    @Test
    void aRepairTermEndingOnChristmasRunsToTheNextWorkingDayAsACourtesy() {
        Suspension suspension = Suspension.sentOn(LocalDate.of(2026, 12, 11), Period.ofDays(14), LAW);

        assertThat(suspension.lastRepairDay()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(suspension.suspendedDays(suspension.endsOn(null, true))).as("lapsed: every repair day").isEqualTo(17);
    }

    @Test
    void theDayOfReceiptIsNotCountedSoASupplementTheNextDayAddsNothing() {
        Suspension suspension = Suspension.sentOn(SENT, Period.ofDays(14), LAW);

        assertThat(suspension.suspendedDays(LocalDate.of(2026, 3, 10))).as("received the day it was sent").isZero();
        assertThat(suspension.suspendedDays(LocalDate.of(2026, 3, 11))).as("received the next day").isZero();
        assertThat(suspension.endedOn(LocalDate.of(2026, 3, 11)).isEmpty()).isTrue();
        assertThat(suspension.deadlineAfter(DEADLINE, LocalDate.of(2026, 3, 11), LAW)).isEqualTo(DEADLINE);
        assertThat(suspension.suspendedDays(LocalDate.of(2026, 3, 12))).as("received two days later: 11 March").isEqualTo(1);

        LocalDate received = LocalDate.of(2026, 3, 20);
        assertThat(suspension.endsOn(received, false)).isEqualTo(received);
        assertThat(suspension.endedOn(received)).isEqualTo(new SuspendedPeriod(LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 19)));
        assertThat(suspension.suspendedDays(received)).as("11 up to and including 19 March").isEqualTo(9);
        LegalDeadline after = suspension.deadlineAfter(DEADLINE, received, LAW);
        assertThat(after.countedEnd()).as("27 April + 9 days").isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(after.end()).isEqualTo(LocalDate.of(2026, 5, 6));
    }

    @Test
    void aLapsedRepairTermSuspendsForTheWholeRepairTerm() {
        Suspension suspension = Suspension.sentOn(SENT, Period.ofDays(14), LAW);

        LocalDate endsOn = suspension.endsOn(LocalDate.of(2026, 3, 25), true);
        assertThat(endsOn).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(suspension.suspendedDays(endsOn)).isEqualTo(14);
        LegalDeadline after = suspension.deadlineAfter(DEADLINE, endsOn, LAW);
        assertThat(after.countedEnd()).isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(after.end()).isEqualTo(LocalDate.of(2026, 5, 11));
    }

    @Test
    void severalSuspensionsAddUp() {
        LocalDate received = LocalDate.of(2026, 10, 30);
        LegalDeadline deadline = AwbTerms.legalDeadline(received, Period.ofWeeks(8), LAW);
        Suspension first = Suspension.sentOn(LocalDate.of(2026, 11, 10), Period.ofDays(14), LAW);
        Suspension second = Suspension.sentOn(LocalDate.of(2026, 11, 20), Period.ofDays(14), LAW);
        SuspendedPeriod byConsent = SuspendedPeriod.fromTo(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3));

        List<SuspendedPeriod> periods = List.of(first.endedOn(LocalDate.of(2026, 11, 16)),
                second.endedOn(LocalDate.of(2026, 11, 23)), byConsent);
        assertThat(periods).extracting(SuspendedPeriod::days).containsExactly(5L, 2L, 3L);
        assertThat(SuspendedPeriod.total(periods)).isEqualTo(10);

        LegalDeadline after = deadline.plusSuspendedDays(SuspendedPeriod.total(periods), LAW);
        assertThat(after.countedEnd()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(after.end()).isEqualTo(LocalDate.of(2027, 1, 4));
        LegalDeadline stepByStep = first.deadlineAfter(deadline, LocalDate.of(2026, 11, 16), LAW);
        stepByStep = second.deadlineAfter(stepByStep, LocalDate.of(2026, 11, 23), LAW).plusSuspendedDays(byConsent.days(), LAW);
        assertThat(stepByStep).as("one at a time, the same").isEqualTo(after);
    }

    @Test
    void article415Lid2SuspensionWithConsentCountsBothDays() {
        assertThat(SuspendedPeriod.fromTo(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 14)).days()).isEqualTo(14);
        assertThat(SuspendedPeriod.fromTo(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1)).days()).isEqualTo(1);
        assertThatThrownBy(() -> SuspendedPeriod.fromTo(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1)))
                .hasMessageContaining("vóór de eerste dag");
    }

    @Test
    void reminderAndEscalationFollowTheAtwMovedDeadline() {
        DeadlineMoments moments = DeadlineMoments.of(DEADLINE, Period.ofDays(7));
        assertThat(moments).isEqualTo(new DeadlineMoments(LocalDate.of(2026, 4, 28), LocalDate.of(2026, 4, 21),
                LocalDate.of(2026, 4, 29)));

        LegalDeadline resumed = Suspension.sentOn(SENT, Period.ofDays(14), LAW).deadlineAfter(DEADLINE, LocalDate.of(2026, 3, 20), LAW);
        assertThat(DeadlineMoments.of(resumed, Period.ofDays(7))).isEqualTo(new DeadlineMoments(LocalDate.of(2026, 5, 6),
                LocalDate.of(2026, 4, 29), LocalDate.of(2026, 5, 7)));
    }
}
