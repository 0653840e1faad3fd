package nl.wijkzaken.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The card's words for the deadline and for a task the case owner may only read, on real dates. */
class TaskCardsTest {

    private static final LocalDate DEADLINE = LocalDate.of(2027, 1, 26);

    @Test
    void theDeadlineWithTheDaysLeftCountedInCalendarDays() {
        assertThat(TaskCards.deadline(DEADLINE, LocalDate.of(2026, 12, 1), false)).isEqualTo("26-1-2027, nog 56 dagen");
        assertThat(TaskCards.deadline(DEADLINE, LocalDate.of(2027, 1, 25), false)).isEqualTo("26-1-2027, nog 1 dag");
        assertThat(TaskCards.deadline(DEADLINE, DEADLINE, false)).isEqualTo("26-1-2027, vandaag");
        assertThat(TaskCards.deadline(DEADLINE, LocalDate.of(2027, 1, 27), false)).isEqualTo("26-1-2027, 1 dag verstreken");
        assertThat(TaskCards.deadline(DEADLINE, LocalDate.of(2027, 2, 1), false)).isEqualTo("26-1-2027, 6 dagen verstreken");
        // Awb 4:15: while the resident supplements, the term does not run; the date moves when it resumes.
        assertThat(TaskCards.deadline(DEADLINE, LocalDate.of(2026, 12, 1), true)).isEqualTo("26-1-2027, opgeschort");
    }

    @Test
    void theOwnerReadsOnlyWhereHisGroupIsNoCandidate() {
        Map<String, String> advisers = new LinkedHashMap<>();
        advisers.put("advies-fysiek", "Vakafdeling fysiek");
        advisers.put("advies-sociaal", "Vakafdeling sociaal domein");
        assertThat(TaskCards.readOnly("wijkmanager-loenen", advisers))
                .isEqualTo("Alleen inzien (taak van Vakafdeling fysiek, Vakafdeling sociaal domein)");
        assertThat(TaskCards.readOnly("wijkmanager-loenen", Map.of("wijkmanager-loenen", "Team wijk Loenen"))).isNull();
        assertThat(TaskCards.readOnly(null, advisers)).isNull();
        assertThat(TaskCards.readOnly("wijkmanager-loenen", Map.of())).isNull();
    }
}
