package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import nl.wijkzaken.audit.DossierEntry.Kind;
import nl.wijkzaken.audit.DossierSummaries.CompletedTask;
import nl.wijkzaken.audit.DossierSummaries.Evaluation;
import nl.wijkzaken.casefile.CaseFileEntry;
import nl.wijkzaken.models.ResidentRequestProcess.Decisions;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;

/**
 * The dossier summary's rules on given history data, without engine or database: who decided (and in which role),
 * which co-signature counts, which mandate evaluation, and the Dutch deadline verdict.
 */
class DossierSummariesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    static final Function<String, Optional<String>> ROLES = group -> switch (group == null ? "" : group) {
        case "gebiedsmanager" -> Optional.of("gebiedsmanager");
        case "wethouder" -> Optional.of("wethouder");
        case "wijkmanager-loenen" -> Optional.of("wijkmanager");
        default -> Optional.empty();
    };

    @Test
    void theLastDecisionTaskNamesTheDeciderWithGroupAndRole() {
        List<CompletedTask> tasks = List.of(
                task("t1", Tasks.CHECK_COMPLETENESS, "wm.loenen", "wijkmanager-loenen", 0),
                task("t2", Tasks.DECIDE, "wm.loenen", "wijkmanager-loenen", 10),
                task("t3", Tasks.DECIDE, "gebiedsmanager", "gebiedsmanager", 20));

        DossierSummary summary = summarize(file(null, null), tasks, List.of(), List.of());

        assertThat(summary.decidedBy()).isEqualTo(new DossierSummary.Actor("gebiedsmanager", "gebiedsmanager", "gebiedsmanager"));
        assertThat(summary.decidedAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void theFastLaneCountsAsADecisionAndACompletionWithoutUserIsTheSystem() {
        DossierSummary summary = summarize(file(null, null),
                List.of(task("t1", Tasks.HANDLE_FAST_LANE, null, "wijkmanager-loenen", 5)), List.of(), List.of());

        assertThat(summary.decidedBy()).isEqualTo(new DossierSummary.Actor(CaseDossiers.SYSTEM, "wijkmanager-loenen", "wijkmanager"));
    }

    @Test
    void withoutADecisionTaskTheCaseFileNamesTheDecider() {
        CaseFileEntry file = new CaseFileEntry("BV-2026-000001", "Bankje", "loenen", "OVERIG", new BigDecimal("300"),
                "wijkmanager-loenen", TODAY.minusDays(20), TODAY.plusDays(36), null, false, "Afgehandeld",
                "doorgezonden", null, "wm.loenen", "wijkmanager-loenen", TODAY.minusDays(19), false);

        DossierSummary summary = summarize(file, List.of(task("t1", Tasks.CHECK_COMPLETENESS, "wm.loenen", "wijkmanager-loenen", 0)),
                List.of(), List.of());

        assertThat(summary.decidedBy()).isEqualTo(new DossierSummary.Actor("wm.loenen", "wijkmanager-loenen", "wijkmanager"));
        assertThat(summary.decidedAt()).isNull();
        assertThat(summary.neighbourhood()).isEqualTo("Loenen");
        assertThat(summary.outcome()).isEqualTo("doorgezonden");
    }

    @Test
    void aCoSignatureCountsOnlyWhenGivenAfterTheDecisionAndAgreed() {
        CompletedTask decision = task("d2", Tasks.DECIDE, "gebiedsmanager", "gebiedsmanager", 20);
        CompletedTask earlier = task("c1", Tasks.CO_SIGN_DECISION, "wethouder", "wethouder", 15);
        CompletedTask refused = task("c2", Tasks.CO_SIGN_DECISION, "wethouder", "wethouder", 30);
        CompletedTask agreed = task("c3", Tasks.CO_SIGN_DECISION, "wethouder", "wethouder", 40);

        assertThat(summarize(file(null, null), List.of(earlier, decision), List.of(), List.of()).coSignedBy())
                .as("co-signature of an earlier version of the decision").isNull();
        assertThat(summarize(file(null, null), List.of(decision, refused), List.of(), List.of(coSignAgreed("c2", false)))
                .coSignedBy()).as("refused").isNull();
        assertThat(summarize(file(null, null), List.of(decision, refused), List.of(), List.of(coSignAgreed("c2", "false")))
                .coSignedBy()).as("refused, value as text").isNull();
        DossierSummary signed = summarize(file(null, null), List.of(decision, refused, agreed), List.of(),
                List.of(coSignAgreed("c2", false), coSignAgreed("c3", true)));
        assertThat(signed.coSignedBy()).isEqualTo(new DossierSummary.Actor("wethouder", "wethouder", "wethouder"));
        assertThat(signed.coSignedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(summarize(file(null, null), List.of(decision, agreed), List.of(), List.of()).coSignedBy())
                .as("no form value (older models) counts as given").isNotNull();
    }

    @Test
    void theMandateIsTheLastEvaluationOfTheMandateTable() {
        List<Evaluation> evaluations = List.of(
                evaluation(Decisions.MANDATE, "mandate-area", 10),
                evaluation(Decisions.MANDATE, "mandate-area-cosign", 30),
                evaluation("case-owner", "owner-loenen", 40),
                evaluation(Decisions.MANDATE, "mandate-wijk", 20));

        DossierSummary.MandateRule mandate = summarize(file(null, null), List.of(), evaluations, List.of()).mandate();

        assertThat(mandate.ruleId()).isEqualTo("mandate-area-cosign");
        assertThat(mandate.evaluatedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(summarize(file(null, null), List.of(), List.of(evaluations.get(2)), List.of()).mandate()).isNull();
    }

    @Test
    void theVerdictSaysWhetherTheDecisionWasInTime() {
        LocalDate deadline = LocalDate.of(2026, 6, 10);

        DossierSummary late = summarize(file(deadline, deadline.plusDays(4)), List.of(), List.of(), List.of());
        assertThat(late.daysAfterDeadline()).isEqualTo(4);
        assertThat(late.deadlineVerdict()).isEqualTo("Besloten op 14-6-2026, 4 dagen na de beslistermijn (uiterlijk 10-6-2026).");
        assertThat(summarize(file(deadline, deadline.plusDays(1)), List.of(), List.of(), List.of()).deadlineVerdict())
                .contains("1 dag na de beslistermijn");
        assertThat(summarize(file(deadline, deadline), List.of(), List.of(), List.of()).deadlineVerdict())
                .isEqualTo("Besloten op 10-6-2026, de laatste dag van de beslistermijn: binnen de termijn.");
        DossierSummary early = summarize(file(deadline, deadline.minusDays(3)), List.of(), List.of(), List.of());
        assertThat(early.daysAfterDeadline()).isEqualTo(-3);
        assertThat(early.deadlineVerdict())
                .isEqualTo("Besloten op 7-6-2026, binnen de beslistermijn (uiterlijk 10-6-2026; 3 dagen eerder).");
    }

    @Test
    void theVerdictOfARunningCaseCountsFromToday() {
        assertThat(summarize(file(TODAY.plusDays(2), null), List.of(), List.of(), List.of()).deadlineVerdict())
                .isEqualTo("Nog niet besloten; de beslistermijn loopt tot en met 17-6-2026 (nog 2 dagen).");
        assertThat(summarize(file(TODAY, null), List.of(), List.of(), List.of()).deadlineVerdict())
                .isEqualTo("Nog niet besloten; de beslistermijn loopt tot en met 15-6-2026 (nog 0 dagen).");
        assertThat(summarize(file(TODAY.minusDays(1), null), List.of(), List.of(), List.of()).deadlineVerdict())
                .isEqualTo("Nog niet besloten en de beslistermijn (tot en met 14-6-2026) is 1 dag overschreden.");
        CaseFileEntry suspended = new CaseFileEntry("BV-2026-000002", "Bankje", "loenen", "OVERIG", null, null,
                TODAY.minusDays(30), TODAY.minusDays(1), TODAY.minusDays(5), false, "Aanvulling gevraagd",
                null, null, null, null, null, null);
        assertThat(summarize(suspended, List.of(), List.of(), List.of()).deadlineVerdict())
                .isEqualTo("Nog niet besloten. De beslistermijn is opgeschort sinds 10-6-2026 (aanvulling gevraagd);"
                        + " zonder opschorting liep hij tot en met 14-6-2026.");
    }

    @Test
    void withoutACaseFileOnlyTheEngineHistoryIsSummed() {
        DossierSummary summary = DossierSummaries.summarize(null, null, ROLES, TODAY,
                List.of(task("t1", Tasks.DECIDE, "gebiedsmanager", "gebiedsmanager", 0)), List.of(), List.of());

        assertThat(summary.title()).isNull();
        assertThat(summary.decidedBy().user()).isEqualTo("gebiedsmanager");
        assertThat(summary.deadlineVerdict()).isEqualTo("Geen zaakdossier: de beslistermijn is niet bekend.");
    }

    @Test
    void theDeadlineHistoryListsTheDeadlineEntriesInTimelineOrder() {
        List<DossierEntry> timeline = List.of(
                new DossierEntry(T0, Kind.DEADLINE, "systeem", "Beslistermijn gezet",
                        Map.of("eventType", "termijn-gezet", "deadlineAfter", "2026-07-27")),
                new DossierEntry(T0.plusSeconds(5), Kind.CASE_EVENT, "systeem", "Iets anders", Map.of()),
                new DossierEntry(T0.plusSeconds(10), Kind.DEADLINE, "wm.loenen", "Opgeschort",
                        Map.of("eventType", "termijn-opgeschort", "deadlineBefore", "2026-07-27", "deadlineAfter", "2026-08-03")));

        List<DossierSummary.DeadlineChange> history = summarize(file(null, null), List.of(), List.of(), timeline)
                .deadlineHistory();

        assertThat(history).containsExactly(
                new DossierSummary.DeadlineChange(T0, "termijn-gezet", null, LocalDate.of(2026, 7, 27), "Beslistermijn gezet"),
                new DossierSummary.DeadlineChange(T0.plusSeconds(10), "termijn-opgeschort", LocalDate.of(2026, 7, 27),
                        LocalDate.of(2026, 8, 3), "Opgeschort"));
    }

    private static DossierSummary summarize(CaseFileEntry file, List<CompletedTask> tasks, List<Evaluation> evaluations,
                                            List<DossierEntry> timeline) {
        return DossierSummaries.summarize(file, file == null ? null : "Loenen", ROLES, TODAY, tasks, evaluations, timeline);
    }

    private static CaseFileEntry file(LocalDate deadline, LocalDate decidedOn) {
        return new CaseFileEntry("BV-2026-000003", "Bankje", "loenen", "OVERIG", new BigDecimal("300"),
                "wijkmanager-loenen", TODAY.minusDays(40), deadline, null, false, "In behandeling", null, null,
                null, null, decidedOn, decidedOn == null ? null : decidedOn.isAfter(deadline));
    }

    private static CompletedTask task(String id, String key, String user, String group, int second) {
        return new CompletedTask(id, key, key, user, List.of(group), T0.plusSeconds(second));
    }

    private static Evaluation evaluation(String key, String rule, int second) {
        return new Evaluation(key, key, 1, rule, null, Map.of(), Map.of(), Map.of(), T0.plusSeconds(second));
    }

    private static DossierEntry coSignAgreed(String taskId, Object value) {
        return new DossierEntry(T0, Kind.VARIABLE_CHANGED, "wethouder", "Gegeven coSignAgreed",
                Map.of("variable", Variables.CO_SIGN_AGREED, "taskId", taskId, "newValue", value));
    }
}
