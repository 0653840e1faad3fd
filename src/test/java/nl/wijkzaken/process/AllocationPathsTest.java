package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.subsidy.AllocationPosition;
import nl.wijkzaken.subsidy.AllocationRule;
import nl.wijkzaken.subsidy.ClaimState;
import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.support.Ceilings;

/**
 * The allocation of a subsidy ceiling in order of complete receipt, on the real process with real dates
 * (Awb 4:25 lid 2, 4:26, 4:27). Each test has a year of its own, so its ceiling and claims are its own. Amounts
 * between € 2.500 and € 10.000: the gebiedsmanager decides every outcome, a refusal "plafond bereikt" included.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn", "forms/verzoek-beantwoorden.form",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form"})
class AllocationPathsTest {

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final SubsidyRegulations regulations = bare.regulations;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Awb 4:27 lid 1: a ceiling published after 1 January of its year cannot carry a grant in that year. */
    @Test
    void aCeilingPublishedAfterThePeriodStartedAllowsOnlyARefusalThatSaysWhy() {
        at(2062, 3, 2, 10, 0);
        known("loenen");
        regulations.establish("Subsidieregeling buurtbudget Stichtse Vecht 2062", "artikel 3 van de Subsidieregeling buurtbudget Stichtse Vecht 2062",
                2062, AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST, "Gemeenteblad 2061, 5001", LocalDate.of(2061, 11, 20), "gebiedsmanager");
        regulations.setCeiling(2062, "loenen", new BigDecimal("20000"), "Gemeenteblad 2062, 777", LocalDate.of(2062, 1, 15),
                "gebiedsmanager", "Plafond 2062");
        RegisteredRequest request = toDecision("loenen", "3000");

        assertThatThrownBy(() -> decide(request, "toegekend", null)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Er kan geen subsidie worden verleend: Het subsidieplafond voor Loenen in 2062 is pas op "
                        + "15 januari 2062 bekendgemaakt; artikel 4:27 lid 1 Awb eist bekendmaking vóór het begin van het tijdvak");
        decide(request, "afgewezen", null);

        CaseFile file = bare.caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.outcome()).isEqualTo(Outcome.AFGEWEZEN);
        assertThat(motivation(request)).startsWith("Past binnen het beleid.")
                .contains("Subsidieplafond: Het subsidieplafond voor Loenen in 2062 is pas op 15 januari 2062 bekendgemaakt")
                .contains("Daarom kan geen subsidie worden verleend.");
        assertThat(bare.allocations.position(request.caseNumber()).orElseThrow().state()).isEqualTo(ClaimState.REFUSED);
    }

    /**
     * Awb 4:27 lid 2: application A (received 2 March, € 8.000) keeps the ceiling of € 10.000 it was received under
     * when the college lowers it to € 5.000 on 10 March; application B (received 12 March, € 3.000) gets the
     * lowered ceiling, of which A's grant leaves nothing: refused "plafond bereikt" with reasons naming the ceiling.
     */
    @Test
    void loweringTheCeilingAfterReceiptDoesNotTouchEarlierApplicationsAndAPlafondRefusalNamesTheCeiling() {
        at(2063, 3, 2, 9, 30);
        ceiling("breukelen", 2063, "10000");
        RegisteredRequest a = toDecision("breukelen", "8000");
        at(2063, 3, 10, 14, 0);
        regulations.setCeiling(2063, "breukelen", new BigDecimal("5000"), "Gemeenteblad 2063, 31415", LocalDate.of(2063, 3, 10),
                "gebiedsmanager", "Bezuiniging");
        at(2063, 3, 12, 11, 0);
        RegisteredRequest b = toDecision("breukelen", "3000");

        AllocationPosition ofA = bare.allocations.position(a.caseNumber()).orElseThrow();
        assertThat(ofA.ceiling().amount()).as("A keeps the ceiling at its receipt").isEqualByComparingTo("10000");
        assertThat(ofA.formText()).contains("later verlaagd tot € 5.000,00");
        decide(a, "toegekend", null);
        assertThat(bare.budgets.reservedForCase(a.caseNumber())).isEqualByComparingTo("8000");
        assertThat(motivation(a)).as("a full grant needs no ceiling reasons").isEqualTo("Past binnen het beleid.");

        AllocationPosition ofB = bare.allocations.position(b.caseNumber()).orElseThrow();
        assertThat(ofB.ceiling().amount()).as("B gets the lowered ceiling").isEqualByComparingTo("5000");
        assertThat(ofB.available()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> decide(b, "gedeeltelijk-toegekend", 1000)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Het subsidieplafond laat dit niet toe: voor deze aanvraag is nog € 0,00 beschikbaar");
        decide(b, "afgewezen-plafond", null);

        CaseFile file = bare.caseFiles.find(b.caseNumber()).orElseThrow();
        assertThat(file.outcome()).isEqualTo(Outcome.AFGEWEZEN_PLAFOND);
        assertThat(motivation(b)).contains("Voor Breukelen is voor 2063 een subsidieplafond vastgesteld van € 5.000,00 "
                        + "(Gemeenteblad 2063, 31415, bekendgemaakt op 10 maart 2063), onder de Subsidieregeling buurtbudget Stichtse Vecht 2063")
                .contains("Het plafond wordt verdeeld in volgorde van ontvangst van volledige aanvragen (artikel 4:26 Awb)")
                .contains("Uw aanvraag was volledig op 12 maart 2063 en is nummer 2 in die volgorde")
                .contains("Van het plafond is al € 8.000,00 verleend")
                .contains("(artikel 4:25 lid 2 Awb)");
        assertThat(runtimeService.getVariable(b.processInstanceId(), "mandate").toString()).contains("afwijzing-plafond");
        assertThat(DecisionLetters.kind(null, "afgewezen-plafond")).isEqualTo(nl.wijkzaken.letters.LetterKind.AFWIJZING);
    }

    /**
     * Awb 4:25 lid 2 with 4:26: B (complete second, € 4.000) is decided while A (complete first, € 3.000) is still
     * undecided; of the ceiling of € 5.000 only € 2.000 is B's. B gets a partial grant of € 2.000 with reasons, then A
     * its € 3.000: together exactly the ceiling.
     */
    @Test
    void aLaterApplicationGetsAtMostWhatEarlierOnesLeaveAPartialGrantWithTheReasons() {
        at(2064, 4, 6, 9, 0);
        ceiling("maarssenbroek", 2064, "5000");
        RegisteredRequest a = toDecision("maarssenbroek", "3000");
        at(2064, 4, 6, 15, 0);
        RegisteredRequest b = toDecision("maarssenbroek", "4000");

        assertThatThrownBy(() -> decide(b, "toegekend", null)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("voor deze aanvraag is nog € 2.000,00 beschikbaar (plafond € 5.000,00, al verleend € 0,00, "
                        + "gevraagd door eerder volledige aanvragen € 3.000,00). Ken gedeeltelijk toe tot ten hoogste € 2.000,00");
        assertThatThrownBy(() -> decide(b, "gedeeltelijk-toegekend", 2500)).isInstanceOf(ProcessEngineException.class);
        decide(b, "gedeeltelijk-toegekend", 2000);

        assertThat(bare.budgets.reservedForCase(b.caseNumber())).isEqualByComparingTo("2000");
        assertThat(motivation(b)).startsWith("Past binnen het beleid.\n\nSubsidieplafond: ")
                .contains("Uw aanvraag was volledig op 6 april 2064 en is nummer 2 in die volgorde")
                .contains("1 eerder volledige aanvraag waarop nog niet is beslist samen € 3.000,00")
                .contains("Voor uw aanvraag is daardoor € 2.000,00 beschikbaar van de gevraagde € 4.000,00");
        decide(a, "toegekend", null);
        assertThat(bare.budgets.reserved("maarssenbroek", 2064)).as("never above the ceiling").isEqualByComparingTo("5000");
        assertThat(bare.allocations.position(a.caseNumber()).orElseThrow().place()).isEqualTo(1);
        assertThat(bare.allocations.position(a.caseNumber()).orElseThrow().state()).isEqualTo(ClaimState.GRANTED);
    }

    /** An earlier application that is refused gives its claim back (Awb 4:26): the next in line gets the money. */
    @Test
    void aRefusedEarlierApplicationFreesItsClaimForTheNextInLine() {
        at(2065, 5, 11, 10, 0);
        ceiling("maarssen-dorp", 2065, "5000");
        RegisteredRequest a = toDecision("maarssen-dorp", "4000");
        at(2065, 5, 12, 10, 0);
        RegisteredRequest b = toDecision("maarssen-dorp", "3000");
        assertThat(bare.allocations.position(b.caseNumber()).orElseThrow().available()).isEqualByComparingTo("1000");
        assertThatThrownBy(() -> decide(b, "toegekend", null)).isInstanceOf(ProcessEngineException.class);

        decide(a, "afgewezen", null);

        assertThat(bare.allocations.position(a.caseNumber()).orElseThrow().state()).isEqualTo(ClaimState.REFUSED);
        assertThat(bare.allocations.position(b.caseNumber()).orElseThrow().available()).isEqualByComparingTo("5000");
        decide(b, "toegekend", null);
        assertThat(bare.budgets.reservedForCase(b.caseNumber())).isEqualByComparingTo("3000");
    }

    /**
     * The place is the date of complete receipt: A was received first but incomplete; its supplement arrived on
     * 20 May, after B was received complete on 14 May. B comes first.
     */
    @Test
    void anApplicationCompletedByASupplementTakesItsPlaceOnTheDayTheSupplementArrived() {
        at(2066, 5, 13, 10, 0);
        ceiling("loenen", 2066, "6000");
        RegisteredRequest a = bare.submitOnline("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "4000", Urgency.NORMAAL);
        bare.sendMessages(a.caseNumber());
        bare.completeAsPerson(a.processInstanceId(), Tasks.CHECK_COMPLETENESS, "wm.loenen",
                Map.of("completeness", "incompleet", "completenessMotivation", "Een tekening ontbreekt."));
        bare.sendMessages(a.caseNumber());
        at(2066, 5, 14, 9, 0);
        RegisteredRequest b = toDecision("loenen", "4000");
        at(2066, 5, 20, 16, 0);
        runtimeService.createMessageCorrelation("aanvulling-ontvangen").processInstanceBusinessKey(a.caseNumber())
                .setVariable("supplementReceivedOn", Date.from(LocalDate.of(2066, 5, 20).atStartOfDay(DutchFormat.ZONE).toInstant()))
                .correlate();
        bare.completeAsPerson(a.processInstanceId(), Tasks.CHECK_COMPLETENESS, "wm.loenen",
                Map.of("completeness", "compleet", "completenessMotivation", "Nu compleet."));

        AllocationPosition ofA = bare.allocations.position(a.caseNumber()).orElseThrow();
        assertThat(ofA.completeOn()).isEqualTo(LocalDate.of(2066, 5, 20));
        assertThat(ofA.place()).isEqualTo(2);
        assertThat(bare.allocations.position(b.caseNumber()).orElseThrow().place()).isEqualTo(1);
        assertThat(ofA.available()).as("B's claim comes first").isEqualByComparingTo("2000");
        decide(b, "toegekend", null);
        assertThat(bare.budgets.reservedForCase(b.caseNumber())).isEqualByComparingTo("4000");
    }

    // --- steps ------------------------------------------------------------------------------------------------

    /** The regulation of the year (published 1 December before) and this neighbourhood's ceiling. */
    private void ceiling(String neighbourhood, int year, String amount) {
        known(neighbourhood);
        Ceilings.ceiling(regulations, neighbourhood, year, new BigDecimal(amount));
    }

    private void known(String neighbourhood) {
        if (!bare.neighbourhoods.exists(neighbourhood)) {
            String name = java.util.Arrays.stream(neighbourhood.split("-"))
                    .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                    .collect(java.util.stream.Collectors.joining("-"));
            bare.neighbourhoods.register(new nl.wijkzaken.neighbourhood.Neighbourhood(neighbourhood, name));
        }
    }

    private RegisteredRequest toDecision(String neighbourhood, String amount) {
        RegisteredRequest request = bare.submitOnline(neighbourhood, Category.GROEN_EN_OPENBARE_RUIMTE, amount, Urgency.NORMAAL);
        bare.sendMessages(request.caseNumber());
        bare.completeAsPerson(request.processInstanceId(), Tasks.CHECK_COMPLETENESS, "wm." + neighbourhood,
                Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        Task advice = taskService.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskDefinitionKey(Tasks.GIVE_ADVICE).taskCandidateGroup("advies-fysiek").singleResult();
        taskService.claim(advice.getId(), "adv.fysiek");
        taskService.complete(advice.getId(), Map.of("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        assertThat(taskService.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskDefinitionKey(Tasks.DECIDE).count()).as("at the decision").isOne();
        return request;
    }

    private void decide(RegisteredRequest request, String outcome, Integer amount) {
        Map<String, Object> variables = new HashMap<>(Map.of("outcome", outcome, "decisionMotivation", "Past binnen het beleid."));
        if (amount != null) {
            variables.put("decidedAmount", amount);
        }
        bare.completeAsPerson(request.processInstanceId(), Tasks.DECIDE, "gebiedsmanager", variables);
    }

    private String motivation(RegisteredRequest request) {
        return (String) bare.engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(request.processInstanceId()).variableName("decisionMotivation").singleResult().getValue();
    }

    private static void at(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(DutchFormat.ZONE).toInstant()));
    }
}
