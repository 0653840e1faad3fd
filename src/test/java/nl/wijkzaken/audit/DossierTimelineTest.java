package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.wijkzaken.audit.DossierEntry.Kind;

/**
 * The order of the dossier's timeline, which merges entries from engine history, case events, the budget ledger and
 * mails: by time; at one instant by step, then by phase; another module's record right after the task completion
 * of the same person at the same instant, otherwise after the engine's entries.
 */
class DossierTimelineTest {

    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void entriesAreOrderedByTimeWhateverTheOrderTheyArrive() {
        DossierTimeline timeline = new DossierTimeline();
        timeline.addRecord(entry(T0.plusSeconds(30), Kind.MAIL, "systeem", "mail"));
        timeline.add(entry(T0.plusSeconds(10), Kind.TASK_CREATED, "systeem", "taak"), 2, 2);
        timeline.addRecord(entry(T0, Kind.BUDGET, "gebiedsmanager", "budget"));
        timeline.add(entry(T0.plusSeconds(20), Kind.STEP_STARTED, "systeem", "stap"), 0, 0);

        assertThat(timeline.ordered()).extracting(DossierEntry::summary).containsExactly("budget", "taak", "stap", "mail");
    }

    @Test
    void atOneInstantTheStepThenThePhaseThenTheInnermostScopeDecide() {
        DossierTimeline timeline = new DossierTimeline();
        timeline.add(entry(T0, Kind.STEP_ENDED, "systeem", "tweede stap klaar"), 2, 6);
        timeline.add(entry(T0, Kind.STEP_ENDED, "systeem", "eerste stap (buiten) klaar"), 1, 6, 1);
        timeline.add(entry(T0, Kind.STEP_ENDED, "systeem", "eerste stap (binnen) klaar"), 1, 6, 0);
        timeline.add(entry(T0, Kind.DECISION, "systeem", "beslistabel"), 1, 1);
        timeline.add(entry(T0, Kind.STEP_STARTED, "systeem", "eerste stap gestart"), 1, 0);
        timeline.add(entry(T0, Kind.INCIDENT, "systeem", "storing zonder stap"), DossierTimeline.NO_STEP, 0);
        timeline.add(entry(T0, Kind.CASE_STARTED, "systeem", "zaak gestart"), -1, 0);

        assertThat(timeline.ordered()).extracting(DossierEntry::summary).containsExactly("zaak gestart",
                "eerste stap gestart", "beslistabel", "eerste stap (binnen) klaar", "eerste stap (buiten) klaar",
                "tweede stap klaar", "storing zonder stap");
    }

    @Test
    void aRecordByThePersonWhoCompletedATaskAtThatInstantFollowsTheCompletion() {
        DossierTimeline timeline = new DossierTimeline();
        timeline.add(entry(T0, Kind.TASK_COMPLETED, "gebiedsmanager", "besluit afgerond"), 3, 5);
        timeline.completedBy(T0, "gebiedsmanager", 3);
        timeline.add(entry(T0, Kind.STEP_ENDED, "systeem", "stap besluit klaar"), 3, 6);
        timeline.add(entry(T0, Kind.STEP_STARTED, "systeem", "volgende stap"), 4, 0);
        timeline.addRecord(entry(T0, Kind.BUDGET, "gebiedsmanager", "bedrag gereserveerd"));
        timeline.addRecord(entry(T0, Kind.CASE_EVENT, "wm.loenen", "iemand anders"));

        assertThat(timeline.ordered()).extracting(DossierEntry::summary).containsExactly("besluit afgerond",
                "bedrag gereserveerd", "stap besluit klaar", "volgende stap", "iemand anders");
    }

    @Test
    void aRecordOfTheSystemNeverAttachesToACompletion() {
        DossierTimeline timeline = new DossierTimeline();
        timeline.add(entry(T0, Kind.TASK_COMPLETED, CaseDossiers.SYSTEM, "taak door systeem beëindigd"), 3, 5);
        timeline.completedBy(T0, CaseDossiers.SYSTEM, 3);
        timeline.add(entry(T0, Kind.CASE_ENDED, CaseDossiers.SYSTEM, "zaak beëindigd"), 9, 7);
        timeline.addRecord(entry(T0, Kind.MAIL, CaseDossiers.SYSTEM, "mail verstuurd"));

        assertThat(timeline.ordered()).extracting(DossierEntry::summary)
                .containsExactly("taak door systeem beëindigd", "zaak beëindigd", "mail verstuurd");
    }

    @Test
    void recordsOfOneInstantKeepTheOrderTheyWereAdded() {
        DossierTimeline timeline = new DossierTimeline();
        timeline.addRecord(entry(T0, Kind.CASE_EVENT, "systeem", "eerst"));
        timeline.addRecord(entry(T0, Kind.BUDGET, "systeem", "daarna"));
        timeline.addRecord(entry(T0, Kind.MAIL, "systeem", "laatst"));

        assertThat(timeline.ordered()).extracting(DossierEntry::summary).containsExactly("eerst", "daarna", "laatst");
    }

    private static DossierEntry entry(Instant at, Kind kind, String actor, String summary) {
        return new DossierEntry(at, kind, actor, summary, Map.of());
    }
}
