package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.wijkzaken.casefile.CaseDeadline;
import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.deadline.LegalCalendar;

/** The deadline on the status page in the resident's words, with real dates, without the application. */
class StatusDeadlineWordsTest {

    private static final LegalCalendar LAW = LegalCalendar.ofLaw();
    private static final LocalDate RECEIVED = LocalDate.of(2026, 10, 30);
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);
    private static final LocalDate MONDAY_28 = LocalDate.of(2026, 12, 28);

    @Test
    void theDeadlineIsTheAtwMovedDayWithItsWeekdayAndItsHistoryInWords() {
        List<CaseEvent> events = List.of(event(CaseEventType.STATUS, "Verzoek ontvangen", null, MONDAY_28, RECEIVED));

        StatusView.Deadline deadline = StatusViews.deadline(file(MONDAY_28, null, false), facts(CHRISTMAS, null), events,
                LAW, LocalDate.of(2026, 12, 1));

        assertThat(deadline.dueDate()).isEqualTo("maandag 28 december 2026");
        assertThat(deadline.daysLeft()).isEqualTo(27);
        assertThat(deadline.announcedDate()).isNull();
        assertThat(deadline.history()).extracting(StatusView.TimelineEntry::text)
                .containsExactly("Beslistermijn vastgesteld: uiterlijk maandag 28 december 2026.");
    }

    @Test
    void whileWaitingForASupplementTheDateShownIsTheDeadlineIfItArrivedToday() {
        // Sent Thursday 10 December, today Tuesday 15 December: 11 to 14 December suspended, 4 days.
        StatusView.Deadline deadline = StatusViews.deadline(file(MONDAY_28, LocalDate.of(2026, 12, 11), false),
                facts(CHRISTMAS, null), List.of(), LAW, LocalDate.of(2026, 12, 15));

        assertThat(deadline.paused()).isTrue();
        assertThat(deadline.dueDate()).isEqualTo("dinsdag 29 december 2026");
        assertThat(deadline.daysLeft()).isEqualTo(14);
        assertThat(deadline.pausedSince()).isEqualTo("11 december 2026");
    }

    @Test
    void underATermSetByRegulationTheAnnouncedDateIsShownNextToTheLegalDeadline() {
        LocalDate announced = LocalDate.of(2027, 1, 8);
        List<CaseEvent> events = List.of(event(CaseEventType.STATUS, "Verzoek ontvangen", null, MONDAY_28, RECEIVED),
                event(CaseEventType.DEADLINE_EXTENDED, "Termijn verlengd", MONDAY_28, MONDAY_28, LocalDate.of(2026, 12, 21)),
                event(CaseEventType.DEADLINE_SUSPENDED, null, MONDAY_28, LocalDate.of(2027, 1, 4), LocalDate.of(2026, 12, 22)));

        StatusView.Deadline deadline = StatusViews.deadline(file(MONDAY_28, null, true), facts(CHRISTMAS, announced),
                events, LAW, LocalDate.of(2026, 12, 22));

        assertThat(deadline.announcedDate()).isEqualTo("vrijdag 8 januari 2027");
        assertThat(deadline.history()).extracting(StatusView.TimelineEntry::text).containsExactly(
                "Beslistermijn vastgesteld: uiterlijk maandag 28 december 2026.",
                "U heeft bericht gekregen dat wij meer tijd nodig hebben: u krijgt uiterlijk vrijdag 8 januari 2027 een besluit."
                        + " De wettelijke beslistermijn blijft maandag 28 december 2026.",
                "Beslistermijn opgeschort (artikel 4:15 lid 2 Awb): uiterlijk maandag 4 januari 2027.");
        assertThat(deadline.history()).extracting(StatusView.TimelineEntry::date)
                .containsExactly("30 oktober 2026", "21 december 2026", "22 december 2026");
    }

    private static CaseFile file(LocalDate legalDeadline, LocalDate suspendedSince, boolean extended) {
        return new CaseFile("BV-2026-000001", "pi", "post", "Fatima de Vries", "fatima@example.org", "breukelen",
                "groen-en-openbare-ruimte", "Bankje", new BigDecimal("2000"), "normaal", "wijkmanager-breukelen",
                "Team wijk Breukelen", RECEIVED, legalDeadline, suspendedSince, extended, CaseStatus.IN_BEHANDELING,
                null, null, null);
    }

    private static CaseDeadline facts(LocalDate counted, LocalDate announced) {
        return new CaseDeadline("BV-2026-000001", RECEIVED.atTime(9, 0), MONDAY_28, counted, announced, "regeling");
    }

    private static CaseEvent event(CaseEventType type, String status, LocalDate before, LocalDate after, LocalDate on) {
        return new CaseEvent(1, "BV-2026-000001", LocalDateTime.of(on, java.time.LocalTime.NOON), type, status, "intern",
                null, before, after);
    }
}
