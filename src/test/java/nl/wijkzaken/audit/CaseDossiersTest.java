package nl.wijkzaken.audit;

import nl.wijkzaken.audit.DossierEntry.Kind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.CaseDriver;

/**
 * The dossier of a real resident-request, driven the long way: incomplete, supplemented three days later, two
 * advices (one negative), deliberation, a decision by the gebiedsmanager co-signed by the wethouder. Each action is
 * a minute apart on the engine's clock, so the order in the dossier is the order in which things happened.
 */
@ApplicationTest
class CaseDossiersTest {

    private static final ZoneId MUNICIPALITY = ZoneId.of("Europe/Amsterdam");

    @Autowired CaseDossiers dossiers;
    @Autowired ApplicationContext context;

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    @Test
    void theDossierTellsTheWholeStoryInOrderWithActorsRulesAndDeadlines() {
        CaseDriver lifecycle = new CaseDriver(context);
        lifecycle.submit("breukelen", Category.SPELEN_EN_SPORT, "12000", Urgency.NORMAAL);
        LocalDate receivedOn = today();
        LocalDate firstDeadline = LAW.termEnd(receivedOn.plusWeeks(8)); // terms: P8W for a normal request, Atw
        lifecycle.complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Een tekening van de plek ontbreekt."));
        lifecycle.runMessages();
        LocalDate supplementAskedOn = today();
        lifecycle.tick(Duration.ofDays(3));
        lifecycle.supplementReceived();
        // Awb 4:15: the days after sending, the day of receipt not counted, added to the counted end; then Atw.
        LocalDate deadlineAfterSuspension = LAW.termEnd(receivedOn.plusWeeks(8).plusDays(
                Math.max(0, ChronoUnit.DAYS.between(supplementAskedOn, today()) - 1)));
        lifecycle.complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "compleet",
                "completenessMotivation", "Nu compleet."));
        lifecycle.advise("advies-fysiek", "adv.fysiek", "negatief");
        lifecycle.advise("advies-sociaal", "adv.sociaal", "positief");
        lifecycle.complete("Deliberate", "wm.breukelen", Map.of("deliberationDate", "2026-11-20",
                "participants", "Bewoners, adv.fysiek, adv.sociaal", "positions", "Verschillend",
                "agreementReached", true, "agreedMeasures", "Kleiner speeltoestel", "revisedAmount", 11000,
                "writtenChange", true, "writtenChangeDate", "2026-11-23", "writtenChangeAmount", 11000));
        lifecycle.complete("Decide", "gebiedsmanager", Map.of("outcome", "toegekend", "decisionMotivation", "Past in het wijkplan."));
        lifecycle.complete("CoSignDecision", "wethouder", Map.of("coSignDecision", "akkoord"));
        lifecycle.runMessages();
        LocalDate decidedOn = today();

        CaseDossier dossier = dossiers.find(lifecycle.caseNumber()).orElseThrow();

        assertThat(dossier.state()).isEqualTo("COMPLETED");
        List<DossierEntry> timeline = dossier.timeline();
        assertThat(timeline).extracting(DossierEntry::at).isSorted();
        assertInOrder(timeline,
                e -> e.kind() == Kind.CASE_STARTED,
                decision("case-owner", "owner-breukelen"),
                decision("triage", "triage-regular"),
                decision("request-route", "route-subsidy"),
                decision("terms", "terms-normal"),
                deadline(CaseEventType.STATUS.code(), null, firstDeadline),
                created("Volledigheid beoordelen", "wijkmanager-breukelen"),
                e -> e.kind() == Kind.TASK_ASSIGNED && "wm.breukelen".equals(e.actor())
                        && e.summary().contains("Volledigheid beoordelen"),
                value("completeness", null, "incompleet", "wm.breukelen"),
                completed("Volledigheid beoordelen", "wm.breukelen"),
                deadline(CaseEventType.DEADLINE_SUSPENDED.code(), firstDeadline, firstDeadline),
                e -> e.summary().contains("aanvulling-gevraagd aan fatima@example.org"),
                deadline(CaseEventType.DEADLINE_RESUMED.code(), firstDeadline, deadlineAfterSuspension),
                value("completeness", null, "compleet", "wm.breukelen"), // the second check opens blank
                completed("Volledigheid beoordelen", "wm.breukelen"),
                decision("advice-assignment", "advice-fysiek"),
                created("Advies geven", "advies-fysiek"),
                value("adviceOutcome", null, "negatief", "adv.fysiek"),
                completed("Advies geven", "adv.fysiek"),
                record("adv.fysiek", "Advies fysiek (adv.fysiek): negatief"),
                completed("Advies geven", "adv.sociaal"),
                record("adv.sociaal", "Advies sociaal (adv.sociaal): positief"),
                decision("deliberation-needed", "deliberation-negative"),
                created("Gezamenlijk overleg vastleggen", "wijkmanager-breukelen"),
                completed("Gezamenlijk overleg vastleggen", "wm.breukelen"),
                record("wm.breukelen", "Overeenstemming bereikt"),
                decision("decision-mandate", "mandate-area-cosign"),
                created("Besluit nemen", "gebiedsmanager"),
                completed("Besluit nemen", "gebiedsmanager"),
                record("gebiedsmanager", "Toegekend, € 11.000,00"),
                created("Besluit medeondertekenen", "wethouder"),
                completed("Besluit medeondertekenen", "wethouder"),
                e -> e.summary().contains("besluit aan fatima@example.org"),
                e -> e.kind() == Kind.CASE_ENDED);
        // Only what a person typed into a form is that person's form value; what the engine set meanwhile is not.
        assertThat(timeline).filteredOn(e -> e.kind() == Kind.VARIABLE_CHANGED && e.summary().contains("formulier"))
                .extracting(e -> (String) e.details().get("variable"))
                .contains("completeness", "adviceOutcome", "outcome", "coSignDecision")
                .doesNotContain("nrOfInstances", "loopCounter", "adviceAssignment", "advisers", "decidedBy", "deliberation");
        assertThat(timeline).filteredOn(e -> e.kind() == Kind.VARIABLE_CHANGED && "advisers".equals(e.details().get("variable")))
                .isNotEmpty().allSatisfy(e -> assertThat(e.actor()).isEqualTo("systeem"));
        assertThat(timeline).anyMatch(decision("advice-assignment", "advice-sociaal"));

        List<DossierEntry> decisions = timeline.stream().filter(e -> e.kind() == Kind.DECISION).toList();
        // With request-route (issue 14), grant-obligations and grant-advance; the two COLLECT tables match several rules.
        assertThat(decisions).hasSize(11).allSatisfy(e -> assertThat(e.details()).containsEntry("version", 1));
        assertThat(decisions).filteredOn(e -> !"advice-domains".equals(e.details().get("decisionKey"))
                && !"grant-obligations".equals(e.details().get("decisionKey"))).hasSize(9).allSatisfy(e ->
            assertThat((List<Map<String, Object>>) e.details().get("matchedRules")).singleElement()
                    .satisfies(rule -> assertThat((Map<?, ?>) rule.get("conditions")).isNotEmpty()));
        // The COLLECT table shows every row that gave a domain.
        assertThat(decisions).filteredOn(e -> "advice-domains".equals(e.details().get("decisionKey"))).singleElement()
                .satisfies(e -> assertThat((List<Map<String, Object>>) e.details().get("matchedRules"))
                        .extracting(rule -> rule.get("ruleId"))
                        .containsExactlyInAnyOrder("advice-domains-spelen-fysiek", "advice-domains-spelen-sociaal"));
        DossierEntry mandate = decisions.stream().filter(decision("decision-mandate", "mandate-area-cosign")).findFirst().orElseThrow();
        // The rule in words, no rule id or FEEL (the id stays in the details for the JSON export).
        assertThat(mandate.summary()).contains("Besluitmandaat", "versie 1",
                        "Te besluiten bedrag (EUR): meer dan € 10.000,00 tot en met € 25.000,00")
                .doesNotContain("mandate-area-cosign", "]10000..25000]");
        assertThat((Map<String, Object>) mandate.details().get("inputs")).containsEntry("Te besluiten bedrag (EUR)", 11000.0);

        DossierSummary summary = dossier.summary();
        assertThat(summary.outcome()).isEqualTo("toegekend");
        assertThat(summary.decidedBy()).isEqualTo(new DossierSummary.Actor("gebiedsmanager", "gebiedsmanager", "gebiedsmanager"));
        assertThat(summary.coSignedBy()).isEqualTo(new DossierSummary.Actor("wethouder", "wethouder", "wethouder"));
        assertThat(summary.mandate().ruleId()).isEqualTo("mandate-area-cosign");
        assertThat(summary.mandate().version()).isEqualTo(1);
        assertThat(summary.mandate().conditions()).containsEntry("Te besluiten bedrag (EUR)", "]10000..25000]");
        assertThat(summary.mandate().outputs()).containsEntry("decidingGroup", "gebiedsmanager")
                .containsEntry("coSignGroup", "wethouder");
        assertThat(summary.receivedOn()).isEqualTo(receivedOn);
        assertThat(summary.legalDeadline()).isEqualTo(deadlineAfterSuspension);
        assertThat(summary.decidedOn()).isEqualTo(decidedOn);
        assertThat(summary.daysAfterDeadline()).isEqualTo(
                ChronoUnit.DAYS.between(deadlineAfterSuspension, decidedOn)).isNegative();
        assertThat(summary.deadlineVerdict()).startsWith("Besloten op ").contains("binnen de beslistermijn");
        assertThat(summary.deadlineHistory())
                .extracting(DossierSummary.DeadlineChange::eventType, DossierSummary.DeadlineChange::before,
                        DossierSummary.DeadlineChange::after)
                .containsExactly(
                        tuple(CaseEventType.STATUS.code(), null, firstDeadline),
                        tuple(CaseEventType.DEADLINE_SUSPENDED.code(), firstDeadline, firstDeadline),
                        tuple(CaseEventType.DEADLINE_RESUMED.code(), firstDeadline, deadlineAfterSuspension));

        assertThat(dossier.models()).extracting(CaseDossier.ModelVersion::type, CaseDossier.ModelVersion::key)
                .contains(tuple("BPMN", "resident-request"),
                        tuple("DMN", "decision-mandate"),
                        tuple("DMN", "deliberation-needed"),
                        tuple("FORM", "besluit-nemen"),
                        tuple("FORM", "besluit-medeondertekenen"),
                        tuple("FORM", "volledigheid-beoordelen"))
                .doesNotContain(tuple("FORM", "snel-afhandelen"));
        assertThat(dossier.models()).allSatisfy(model -> assertThat(model.version()).isPositive());
    }

    @Test
    void theDossierOfARunningCaseIsCorrectSoFar() {
        CaseDriver running = new CaseDriver(context);
        running.submit("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "4000", Urgency.NORMAAL);
        LocalDate deadline = LAW.termEnd(today().plusWeeks(8));
        running.complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Foto's ontbreken."));
        running.runMessages();
        LocalDate suspendedFrom = today().plusDays(1);

        CaseDossier dossier = dossiers.find(running.caseNumber()).orElseThrow();

        assertThat(dossier.state()).isEqualTo("ACTIVE");
        assertInOrder(dossier.timeline(),
                e -> e.kind() == Kind.CASE_STARTED,
                decision("case-owner", "owner-breukelen"),
                decision("triage", "triage-regular"),
                created("Volledigheid beoordelen", "wijkmanager-breukelen"),
                completed("Volledigheid beoordelen", "wm.breukelen"),
                deadline(CaseEventType.DEADLINE_SUSPENDED.code(), deadline, deadline));
        assertThat(dossier.timeline())
                .noneMatch(e -> e.kind() == Kind.CASE_ENDED)
                .noneMatch(e -> e.kind() == Kind.DECISION && "decision-mandate".equals(e.details().get("decisionKey")))
                .filteredOn(e -> e.kind() == Kind.STEP_STARTED && "AwaitSupplement".equals(e.details().get("activityId")))
                .singleElement().satisfies(e -> assertThat(e.summary()).isEqualTo("Stap gestart: (wachten op wat het eerst gebeurt)"));
        assertThat(dossier.timeline()).filteredOn(e -> e.kind() == Kind.STEP_ENDED)
                .noneMatch(e -> "AwaitSupplement".equals(e.details().get("activityId")));
        DossierSummary summary = dossier.summary();
        assertThat(summary.outcome()).isNull();
        assertThat(summary.decidedBy()).isNull();
        assertThat(summary.mandate()).isNull();
        assertThat(summary.status()).isEqualTo("Aanvulling gevraagd");
        assertThat(summary.suspendedSince()).isEqualTo(suspendedFrom);
        assertThat(summary.deadlineVerdict()).startsWith("Nog niet besloten. De beslistermijn is opgeschort sinds");
        assertThat(dossier.models()).extracting(CaseDossier.ModelVersion::key)
                .contains("resident-request", "case-owner", "triage", "terms", "volledigheid-beoordelen")
                .doesNotContain("decision-mandate", "besluit-nemen");
    }

    @Test
    void aDecisionAfterTheLegalDeadlineSaysHowManyDaysLate() {
        CaseDriver late = new CaseDriver(context);
        late.submit("loenen", Category.SOCIAAL_EN_ONTMOETING, "2000", Urgency.NORMAAL);
        LocalDate deadline = LAW.termEnd(today().plusWeeks(8));
        late.complete("CheckCompleteness", "wm.loenen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        late.advise("advies-sociaal", "adv.sociaal", "positief");
        late.tick(Duration.ofDays(60));
        late.complete("Decide", "wm.loenen", Map.of("outcome", "afgewezen", "decisionMotivation", "Te laat, en geen budget."));
        late.runMessages();

        DossierSummary summary = dossiers.find(late.caseNumber()).orElseThrow().summary();

        long daysLate = ChronoUnit.DAYS.between(deadline, today());
        assertThat(daysLate).isPositive();
        assertThat(summary.decidedBy()).isEqualTo(new DossierSummary.Actor("wm.loenen", "wijkmanager-loenen", "wijkmanager"));
        assertThat(summary.coSignedBy()).isNull();
        assertThat(summary.mandate().ruleId()).isEqualTo("mandate-owner");
        assertThat(summary.mandate().annotation()).isEqualTo("Wijkmanager van de wijk");
        assertThat(summary.daysAfterDeadline()).isEqualTo(daysLate);
        assertThat(summary.deadlineVerdict()).contains(daysLate + " dagen na de beslistermijn");
    }

    private static final LegalCalendar LAW = LegalCalendar.ofLaw();

    private static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), MUNICIPALITY);
    }

    private static Predicate<DossierEntry> completed(String taskName, String user) {
        return e -> e.kind() == Kind.TASK_COMPLETED && e.summary().contains("'" + taskName + "'") && user.equals(e.actor())
                && user.equals(e.details().get("completedBy"));
    }

    /** What another module recorded (case file), by that person. */
    private static Predicate<DossierEntry> record(String actor, String text) {
        return e -> e.kind() == Kind.CASE_EVENT && actor.equals(e.actor()) && e.summary().contains(text);
    }

    private static Predicate<DossierEntry> created(String taskName, String group) {
        return e -> e.kind() == Kind.TASK_CREATED && e.summary().contains("'" + taskName + "'")
                && List.of(group).equals(e.details().get("candidateGroups"));
    }

    private static Predicate<DossierEntry> decision(String key, String ruleId) {
        return e -> e.kind() == Kind.DECISION && key.equals(e.details().get("decisionKey"))
                && ((List<Map<String, Object>>) e.details().get("matchedRules")).stream()
                .anyMatch(rule -> ruleId.equals(rule.get("ruleId")));
    }

    private static Predicate<DossierEntry> deadline(String eventType, LocalDate before, LocalDate after) {
        return e -> e.kind() == Kind.DEADLINE && eventType.equals(e.details().get("eventType"))
                && Objects.equals(before == null ? null : before.toString(), e.details().get("deadlineBefore"))
                && after.toString().equals(e.details().get("deadlineAfter"));
    }

    private static Predicate<DossierEntry> value(String variable, Object oldValue, Object newValue, String actor) {
        return e -> e.kind() == Kind.VARIABLE_CHANGED && variable.equals(e.details().get("variable"))
                && Objects.equals(oldValue, e.details().get("oldValue"))
                && newValue.equals(e.details().get("newValue")) && actor.equals(e.actor());
    }

    @SafeVarargs
    private static void assertInOrder(List<DossierEntry> timeline, Predicate<DossierEntry>... steps) {
        int position = 0;
        for (int step = 0; step < steps.length; step++) {
            int found = -1;
            for (int i = position; i < timeline.size(); i++) {
                if (steps[step].test(timeline.get(i))) {
                    found = i;
                    break;
                }
            }
            assertThat(found).as("step %d of the story, after entry %d of %s", step + 1, position,
                    timeline.stream().map(e -> e.kind() + " " + e.actor() + " " + e.summary() + " " + e.details())
                            .toList()).isNotNegative();
            position = found + 1;
        }
    }
}
