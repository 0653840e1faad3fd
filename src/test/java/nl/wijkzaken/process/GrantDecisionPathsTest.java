package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.letters.LetterKind;
import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.subsidy.AllocationRule;
import nl.wijkzaken.subsidy.SubsidyRegulation;

/**
 * The grant decision (verlening, Awb 4:29-4:41, 4:95; LEGAL.md 2-3) on the bare engine: what the decider fixes on
 * "Besluit nemen" and "Snel afhandelen" (activity, obligations from the table grant-obligations, activity end and
 * accountability date), what "Voorschot bepalen" promises (table grant-advance), the written change of the
 * application after the joint deliberation, and the grant letter's text read back from the PDF.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "forms/verzoek-beantwoorden.form",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn",
        "processes/grant-obligations.dmn", "processes/grant-advance.dmn", "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form",
        "forms/per-post-verzenden.form"})
class GrantDecisionPathsTest {

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final Letters letters = bare.letters;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();

    /** Thursday 3 December 2026, 10:00 in the municipality: received and decided that day. */
    private static final LocalDateTime DECIDED_AT = LocalDateTime.of(2026, 12, 3, 10, 0);

    private SubsidyRegulation regulation;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(bare.engine);
        ClockUtil.setCurrentTime(Date.from(DECIDED_AT.atZone(DutchFormat.ZONE).toInstant()));
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "50000");
        regulation = bare.regulations.ofPeriod(2026).orElseGet(() -> bare.regulations.establish(
                "Subsidieregeling buurtbudget Stichtse Vecht 2026", "artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht 2026",
                2026, AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST, "Gemeenteblad 2025, 123456", LocalDate.of(2025, 11, 20), "test"));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    /**
     * LEGAL.md 3: "€ 12.000 asked, € 11.000 agreed in the deliberation" without a written change leaves the application
     * at € 12.000. Granting € 11.000 is a partial grant (the rest refused, with reasons), no longer a full grant; the
     * letter says so and carries every element of the grant with real dates.
     */
    @Test
    void anAmountAgreedInDeliberationWithoutAWrittenChangeIsAPartialGrantAndTheLetterStatesEveryElement() throws IOException {
        RegisteredRequest request = toDeliberation();
        deliberate(request, Map.of());

        assertThat(runtimeService.getVariable(request.processInstanceId(), Variables.AMOUNT_TO_DECIDE))
                .as("the application is still what was asked").isEqualTo(12000.0);
        Task decide = task(request, Tasks.DECIDE);
        String proposed = (String) taskService.getVariable(decide.getId(), Variables.GRANT_OBLIGATIONS);
        assertThat(proposed).as("prefilled from grant-obligations for groen-en-openbare-ruimte").isEqualTo(String.join("\n",
                "U voert de activiteit uit zoals in uw aanvraag beschreven en zoals in dit besluit vermeld.",
                "U bewaart de bonnen en facturen van de kosten tot vijf jaar na de vaststelling van de subsidie.",
                "U meldt wijzigingen in de activiteit of de kosten vooraf schriftelijk aan de gemeente.",
                "U verantwoordt de activiteit uiterlijk op de verantwoordingsdatum met een kort verslag en een overzicht van de kosten.",
                "U plaatst of wijzigt niets in de openbare ruimte zonder schriftelijke toestemming van de gemeente."));
        assertThat(taskService.getVariable(decide.getId(), Variables.GRANT_ACTIVITY))
                .isEqualTo("Speeltoestel in het Kerkpark: Een klimrek voor kinderen tot twaalf jaar.");

        Map<String, Object> decision = grant("gedeeltelijk-toegekend", 11000);
        decision.put(Variables.GRANT_OBLIGATIONS, proposed + "\nU laat het klimrek plaatsen door een erkend installateur.");
        complete(decide, "gebiedsmanager", decision);
        complete(task(request, Tasks.CO_SIGN_DECISION), "wethouder", Map.of("coSignDecision", "akkoord"));

        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().outcome()).isEqualTo(Outcome.GEDEELTELIJK_TOEGEKEND);
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().decidedAmount()).isEqualByComparingTo("11000");
        // Awb 4:95, regulation: above € 5.000 an advance of 80 %, settled after the accountability.
        assertThat(runtimeService.getVariables(request.processInstanceId(),
                List.of(Variables.ADVANCE_PERCENTAGE, Variables.ADVANCE_AMOUNT, Variables.SETTLEMENT)))
                .containsEntry(Variables.ADVANCE_PERCENTAGE, 80).containsEntry(Variables.ADVANCE_AMOUNT, 8800.0)
                .containsEntry(Variables.SETTLEMENT, "na-verantwoording");
        assertThat(event(request, CaseEventType.GRANT_TERMS)).contains("Subsidie verleend: € 11.000,00",
                "uiterlijk 30 juni 2027", "verantwoording uiterlijk 30 september 2027", "Voorschot 80 % (€ 8.800,00");

        StoredLetter letter = letters.ofCase(request.caseNumber()).get(0);
        assertThat(letter.kind()).isEqualTo(LetterKind.GEDEELTELIJKE_TOEKENNING);
        // Stored with the letter, so the letter rendered again on the day it is sent says the same.
        assertThat(letters.content(letter.id()).grant()).isEqualTo(new nl.wijkzaken.letters.LetterContent.Grant(
                "Artikel 4:23 en artikel 4:35 van de Algemene wet bestuursrecht en " + regulation.legalBasis() + " ("
                        + regulation.publicationReference() + ").", LocalDate.of(2027, 6, 30), 80, false, null, null, null));
        String text = text(letters.pdf(request.caseNumber(), letter.id()).orElseThrow());
        assertThat(text).contains(
                "U vroeg € 12.000,00", "Wij verlenen u een subsidie van € 11.000,00", "Voor het overige (€ 1.000,00) wijzen wij uw aanvraag af",
                "Activiteit Speeltoestel in het Kerkpark: Een klimrek voor kinderen tot twaalf jaar.",
                "Bedrag € 11.000,00 (ten hoogste)",
                // Awb 4:23: the regulation of the year of receipt and its article.
                "Artikel 4:23 en artikel 4:35 van de Algemene wet bestuursrecht en " + regulation.legalBasis(),
                "Voer de activiteit uit uiterlijk op 30 juni 2027.",
                "Stuur uiterlijk op 30 september 2027 uw verantwoording",
                "U krijgt een voorschot van 80 % van de subsidie: € 8.800,00 (artikel 4:95 Awb), betaald binnen vier weken",
                "- U bewaart de bonnen en facturen van de kosten tot vijf jaar na de vaststelling van de subsidie.",
                "- U plaatst of wijzigt niets in de openbare ruimte zonder schriftelijke toestemming van de gemeente.",
                "- U laat het klimrek plaatsen door een erkend installateur.",
                "namens het college van burgemeester en wethouders", "Maak dan bezwaar", "zes weken")
                .doesNotContain("Direct vastgesteld", "schriftelijk gewijzigd");
    }

    /** With the applicant's dated written change the changed application is granted in full ("toegekend"). */
    @Test
    void afterAWrittenChangeOfTheApplicationGrantingTheChangedAmountIsAFullGrant() throws IOException {
        RegisteredRequest request = toDeliberation();
        deliberate(request, Map.of(Variables.WRITTEN_CHANGE, true, Variables.WRITTEN_CHANGE_DATE, "2026-12-02",
                Variables.WRITTEN_CHANGE_AMOUNT, 11000, Variables.WRITTEN_CHANGE_DESCRIPTION, "Een kleiner klimrek"));

        assertThat(runtimeService.getVariable(request.processInstanceId(), Variables.AMOUNT_TO_DECIDE)).isEqualTo(11000.0);
        assertThat(event(request, CaseEventType.APPLICATION_CHANGED)).isEqualTo("De aanvrager heeft de aanvraag op 2 december 2026"
                + " schriftelijk gewijzigd: gevraagd bedrag € 11.000,00 (was € 12.000,00). Een kleiner klimrek.");
        complete(task(request, Tasks.DECIDE), "gebiedsmanager", grant("toegekend", null));
        complete(task(request, Tasks.CO_SIGN_DECISION), "wethouder", Map.of("coSignDecision", "akkoord"));

        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().outcome()).isEqualTo(Outcome.TOEGEKEND);
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().decidedAmount()).isEqualByComparingTo("11000");
        StoredLetter letter = letters.ofCase(request.caseNumber()).get(0);
        assertThat(letter.kind()).isEqualTo(LetterKind.TOEKENNING);
        assertThat(text(letters.pdf(request.caseNumber(), letter.id()).orElseThrow())).contains(
                "Wij verlenen u een subsidie van € 11.000,00", "Uw aanvraag is toegekend",
                "U heeft uw aanvraag op 2 december 2026 schriftelijk gewijzigd: u vraagt nu € 11.000,00 (Een kleiner klimrek).",
                "Artikel 4:23 van de Algemene wet bestuursrecht en " + regulation.legalBasis(),
                "U krijgt een voorschot van 80 % van de subsidie: € 8.800,00");
    }

    /** A written change needs its date: without it the deliberation is not recorded. */
    @Test
    void aWrittenChangeWithoutItsDateIsRefused() {
        RegisteredRequest request = toDeliberation();
        assertThatThrownBy(() -> deliberate(request, Map.of(Variables.WRITTEN_CHANGE, true, Variables.WRITTEN_CHANGE_AMOUNT, 11000)))
                .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("Vul de datum in waarop de aanvrager de aanvraag schriftelijk heeft gewijzigd");
        assertThat(instance(request)).isWaitingAt(Tasks.DELIBERATE);
    }

    /**
     * The fast lane: the proposal the decider accepts (six months for the activity, thirteen weeks more for the
     * accountability) and, up to € 5.000, direct settlement: the grant is also the settlement, paid within four weeks.
     */
    @Test
    void aSmallGrantInTheFastLaneIsSettledDirectlyWithTheProposedDates() throws IOException {
        RegisteredRequest request = fastLane();
        Task handle = task(request, Tasks.HANDLE_FAST_LANE);
        assertThat(instance(request)).hasPassed("DetermineFastLaneObligations");
        assertThat((String) taskService.getVariable(handle.getId(), Variables.GRANT_OBLIGATIONS))
                .contains("U vraagt tijdig de evenementenvergunning aan en houdt u aan de voorwaarden daarvan.");
        assertThat(taskService.getVariable(handle.getId(), Variables.ACTIVITY_END_DATE)).isEqualTo("2027-06-03");
        assertThat(taskService.getVariable(handle.getId(), Variables.ACCOUNTABILITY_DUE_DATE)).isEqualTo("2027-09-02");

        complete(handle, "wm.breukelen", Map.of("outcome", "toegekend", "decisionMotivation", "Een straatfeest brengt de buurt samen."));

        assertThat(instance(request)).hasPassed("DetermineFastLaneAdvance");
        assertThat(runtimeService.getVariable(request.processInstanceId(), Variables.SETTLEMENT)).isEqualTo("direct");
        assertThat(runtimeService.getVariable(request.processInstanceId(), Variables.ADVANCE_AMOUNT)).isEqualTo(0.0);
        StoredLetter letter = letters.ofCase(request.caseNumber()).get(0);
        assertThat(text(letters.pdf(request.caseNumber(), letter.id()).orElseThrow())).contains(
                "Bedrag € 500,00", "Voer de activiteit uit uiterlijk op 3 juni 2027.",
                "Direct vastgesteld: deze verlening is ook de vaststelling van de subsidie (artikel 4:42 Awb). Wij betalen € 500,00"
                        + " binnen vier weken na de verzenddatum van deze brief (artikel 4:87 Awb).",
                "Stuur uiterlijk op 2 september 2027 uw verantwoording")
                .doesNotContain("(ten hoogste)", "voorschot van");
    }

    /** The dates are checked: the activity ends after the decision, the accountability is not due before it ended. */
    @Test
    void anActivityEndingOnTheDecisionDateOrAnAccountabilityBeforeTheEndIsRefused() {
        RegisteredRequest request = fastLane();
        Task handle = task(request, Tasks.HANDLE_FAST_LANE);

        Map<String, Object> today = grant("toegekend", null);
        today.put(Variables.ACTIVITY_END_DATE, "2026-12-03");
        assertThatThrownBy(() -> complete(handle, "wm.breukelen", today))
                .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("na de datum van het besluit (3 december 2026)");
        Map<String, Object> early = grant("toegekend", null);
        early.put(Variables.ACCOUNTABILITY_DUE_DATE, "2027-06-01");
        assertThatThrownBy(() -> complete(handle, "wm.breukelen", early))
                .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("De verantwoording kan niet eerder binnen moeten zijn (1 juni 2027)");
        Map<String, Object> noObligations = grant("toegekend", null);
        noObligations.put(Variables.GRANT_OBLIGATIONS, " ");
        assertThatThrownBy(() -> complete(handle, "wm.breukelen", noObligations))
                .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("verplichtingen en voorwaarden");

        assertThat(instance(request)).isWaitingAt(Tasks.HANDLE_FAST_LANE);
        // A refusal needs none of it and promises nothing.
        complete(handle, "wm.breukelen", Map.of("outcome", "afgewezen", "decisionMotivation", "Er is al een feest in de straat."));
        assertThat(instance(request)).hasNotPassed("DetermineFastLaneAdvance");
        assertThat(runtimeService.getVariable(request.processInstanceId(), Variables.SETTLEMENT)).isNull();
    }

    private RegisteredRequest toDeliberation() {
        RegisteredRequest request = bare.submitOnline("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "Speeltoestel in het Kerkpark",
                "Een klimrek voor kinderen tot twaalf jaar.", "12000", Urgency.NORMAAL);
        bare.sendMessages(request.caseNumber());
        complete(task(request, Tasks.CHECK_COMPLETENESS), "wm.breukelen",
                Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        Task advice = task(request, Tasks.GIVE_ADVICE);
        complete(advice, "adv.fysiek", Map.of("adviceOutcome", "negatief", "adviceMotivation", "Het grote toestel past niet."));
        assertThat(instance(request)).isWaitingAt(Tasks.DELIBERATE);
        return request;
    }

    private void deliberate(RegisteredRequest request, Map<String, Object> writtenChange) {
        Map<String, Object> form = new HashMap<>(Map.of("deliberationDate", "2026-12-01", "participants", "Bewoners, adv.fysiek",
                "positions", "Fysiek wil een kleiner toestel", "agreementReached", true, "agreedMeasures", "Kleiner klimrek",
                "revisedAmount", 11000));
        form.putAll(writtenChange);
        complete(task(request, Tasks.DELIBERATE), "wm.breukelen", form);
    }

    /** An acute small street event (a subsidy: the residents organise it) goes through the fast lane (triage). */
    private RegisteredRequest fastLane() {
        RegisteredRequest request = bare.submitOnline("breukelen", Category.EVENEMENT_OF_ACTIVITEIT, "Straatfeest Kerkstraat",
                "Een straatfeest met muziek op zaterdagmiddag.", "500", Urgency.ACUUT);
        bare.sendMessages(request.caseNumber());
        return request;
    }

    /** A (partial) grant with the decider's dates: the activity done by 30 June 2027, accounted for by 30 September 2027. */
    private static Map<String, Object> grant(String outcome, Integer amount) {
        Map<String, Object> form = new HashMap<>(Map.of("outcome", outcome, "decisionMotivation", "Past binnen het beleid.",
                Variables.ACTIVITY_END_DATE, "2027-06-30", Variables.ACCOUNTABILITY_DUE_DATE, "2027-09-30"));
        if (amount != null) {
            form.put(Variables.DECIDED_AMOUNT, amount);
        }
        return form;
    }

    private String event(RegisteredRequest request, CaseEventType type) {
        return caseFiles.events(request.caseNumber()).stream().filter(e -> e.type() == type).map(CaseEvent::detail)
                .reduce((first, second) -> second).orElseThrow();
    }

    private ProcessInstance instance(RegisteredRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult();
    }

    private Task task(RegisteredRequest request, String key) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).taskDefinitionKey(key).list();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        if (taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), variables);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }
}
