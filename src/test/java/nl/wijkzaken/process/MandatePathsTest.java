package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
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
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.mandate.DecisionType;
import nl.wijkzaken.mandate.Mandate;
import nl.wijkzaken.mandate.Mandates;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;

/**
 * The mandate table (Awb 10:1-10:12, LEGAL.md 3) on a bare engine ({@link BareEngine}) with the deployed models:
 * every decision type has a decider, a co-signer where needed, the mandate decision it rests on and the signatory's
 * function; the process follows it (the fast lane too); the completeness step offers only outcomes the law knows;
 * and a changed table, deployed without any Java, changes who decides.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "forms/verzoek-beantwoorden.form",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form"})
class MandatePathsTest {

    private static final String OWNER = "wijkmanager-breukelen";
    private static final String TITLE = "Mandaat- en ondertekeningsbesluit wijkzaken 2026";

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final Mandates mandates = bare.mandates;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();
    private final RepositoryService repositoryService = bare.engine.getRepositoryService();

    private String current;
    private String currentCase;
    private final List<String> sent = new java.util.ArrayList<>();

    @BeforeEach
    void init() {
        BpmnAwareTests.init(bare.engine);
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "60000");
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    // --- every decision type has a mandate ---------------------------------------------------------------------

    @Test
    void everyDecisionTypeHasADeciderAMandateDecisionAndASignatoryFunction() {
        record Expected(DecisionType type, String amount, Category category, String decider, String coSigner, String function) {
        }
        List<Expected> expected = List.of(
                new Expected(DecisionType.TOEKENNING, "2000", Category.GROEN_EN_OPENBARE_RUIMTE, OWNER, null, "wijkmanager"),
                new Expected(DecisionType.TOEKENNING, "2000", Category.VEILIGHEID, "gebiedsmanager", null, "gebiedsmanager"),
                new Expected(DecisionType.GEDEELTELIJKE_TOEKENNING, "12000", Category.SPELEN_EN_SPORT, "gebiedsmanager", "wethouder", "gebiedsmanager"),
                new Expected(DecisionType.AFWIJZING, "30000", Category.OVERIG, "wethouder", "gebiedsmanager", "wethouder wijkgericht werken"),
                new Expected(DecisionType.AFWIJZING_PLAFOND, "1500", Category.SOCIAAL_EN_ONTMOETING, "gebiedsmanager", null, "gebiedsmanager"),
                new Expected(DecisionType.VASTSTELLING, "2500", Category.SOCIAAL_EN_ONTMOETING, OWNER, null, "wijkmanager"),
                new Expected(DecisionType.VASTSTELLING, "4000", Category.SOCIAAL_EN_ONTMOETING, "gebiedsmanager", null, "gebiedsmanager"),
                new Expected(DecisionType.TERUGVORDERING, "300", Category.EVENEMENT_OF_ACTIVITEIT, "gebiedsmanager", "wethouder", "gebiedsmanager"),
                new Expected(DecisionType.BUITEN_BEHANDELING, "4000", Category.SPELEN_EN_SPORT, OWNER, null, "wijkmanager"),
                new Expected(DecisionType.DOORZENDING, "4000", Category.VERKEER_EN_PARKEREN, OWNER, null, "wijkmanager"),
                new Expected(DecisionType.GEEN_AANVRAAG, "0", Category.OVERIG, OWNER, null, "wijkmanager"),
                new Expected(DecisionType.BEANTWOORDING, "0", Category.VERKEER_EN_PARKEREN, OWNER, null, "wijkmanager"),
                new Expected(DecisionType.BEANTWOORDING, "800", Category.VEILIGHEID, "gebiedsmanager", null, "gebiedsmanager"),
                new Expected(DecisionType.BEANTWOORDING, "2500.01", Category.GROEN_EN_OPENBARE_RUIMTE, "gebiedsmanager", null, "gebiedsmanager"),
                new Expected(DecisionType.BEANTWOORDING, "25000.01", Category.SPELEN_EN_SPORT, "wethouder", null, "wethouder wijkgericht werken"),
                new Expected(DecisionType.DWANGSOM, "1442", Category.VEILIGHEID, "gebiedsmanager", null, "gebiedsmanager"),
                new Expected(DecisionType.SNELLE_AFHANDELING, "800", Category.VERKEER_EN_PARKEREN, OWNER, null, "wijkmanager"),
                new Expected(DecisionType.SNELLE_AFHANDELING, "800", Category.VEILIGHEID, "gebiedsmanager", null, "gebiedsmanager"));
        assertThat(expected).extracting(Expected::type).as("every decision type is checked").containsAll(List.of(DecisionType.values()));

        for (Expected rule : expected) {
            Mandate mandate = mandates.of(rule.type(), new BigDecimal(rule.amount()), rule.category().code(), OWNER);
            String what = rule.type() + " " + rule.amount() + " " + rule.category();
            assertThat(mandate.decidingGroup()).as(what).isEqualTo(rule.decider());
            assertThat(mandate.coSignNeeded()).as(what).isEqualTo(rule.coSigner() != null);
            assertThat(mandate.coSignGroup()).as(what).isEqualTo(rule.coSigner());
            assertThat(mandate.signatoryFunction()).as(what).isEqualTo(rule.function());
            assertThat(mandate.restsOn().title()).as(what).isEqualTo(TITLE);
            assertThat(mandate.restsOn().reference()).as(what).isEqualTo("Gemeenteblad 2025, 412345");
            assertThat(mandate.restsOn().date()).as(what).isEqualTo(LocalDate.of(2025, 12, 16));
        }
        assertThat(mandates.of(DecisionType.TOEKENNING, new BigDecimal("30000"), "overig", OWNER).onBehalfOf())
                .isEqualTo("namens het college van burgemeester en wethouders, wethouder wijkgericht werken");
    }

    // --- the fast lane obeys it --------------------------------------------------------------------------------

    @Test
    void aSafetyRequestOf800InTheFastLaneGoesToTheGebiedsmanagerNotTheWijkmanager() {
        RegisteredRequest request = submit(Category.VEILIGHEID, "800", Urgency.ACUUT);
        ProcessInstance instance = started(request);

        assertThat(instance).isWaitingAt(Tasks.HANDLE_FAST_LANE).hasPassed("DetermineFastLaneMandate");
        assertThat(task()).hasName("Snel afhandelen").hasCandidateGroup("gebiedsmanager");
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup(OWNER).count())
                .as("the wijkmanager has no mandate for safety measures").isZero();
        complete(Tasks.HANDLE_FAST_LANE, "gebiedsmanager", Map.of("outcome", "toegekend",
                "decisionMotivation", "Tijdelijke verlichting bij het pad, vandaag geplaatst."));
        sent.addAll(bare.sendMessages(currentCase));

        assertThat(instance).isEnded().hasPassed("ConcludeFastLane");
        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.outcome()).isEqualTo(Outcome.TOEGEKEND);
        assertThat(file.decidedAmount()).isEqualByComparingTo("800");
        assertThat(mandateOf(instance)).containsEntry("decidingGroup", "gebiedsmanager")
                .containsEntry("signatoryFunction", "gebiedsmanager").containsEntry("mandateDecision", "wijkzaken-2026");
        assertThat(sent).last().isEqualTo("snelle-afhandeling");
    }

    @Test
    void aTrafficRequestOf800InTheFastLaneStaysWithTheWijkmanager() {
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, "800", Urgency.ACUUT);
        ProcessInstance instance = started(request);

        assertThat(instance).isWaitingAt(Tasks.HANDLE_FAST_LANE);
        assertThat(task()).hasCandidateGroup(OWNER);
    }

    // --- the regular decision, per type ------------------------------------------------------------------------

    @Test
    void aGrantWithinTheOwnersMandateIsDecidedAndSignedByTheWijkmanager() {
        ProcessInstance instance = toDecision(submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL));
        assertThat(task()).hasCandidateGroup(OWNER);
        decide("wm.breukelen", "toegekend", null);
        sent.addAll(bare.sendMessages(currentCase));

        assertThat(instance).isEnded().hasNotPassed(Tasks.CO_SIGN_DECISION);
        assertThat(mandateOf(instance)).containsEntry("decisionType", "toekenning").containsEntry("decidingGroup", OWNER)
                .containsEntry("signatoryFunction", "wijkmanager");
    }

    @Test
    void aPartialGrantOf12000IsDecidedByTheGebiedsmanagerAndCoSignedByTheWethouder() {
        ProcessInstance instance = toDecision(submit(Category.GROEN_EN_OPENBARE_RUIMTE, "12000", Urgency.NORMAAL));
        assertThat(task()).hasCandidateGroup("gebiedsmanager");
        decide("gebiedsmanager", "gedeeltelijk-toegekend", 8000);

        assertThat(instance).isWaitingAt(Tasks.CO_SIGN_DECISION);
        assertThat(task()).hasCandidateGroup("wethouder");
        assertThat(mandateOf(instance)).containsEntry("decisionType", "gedeeltelijke-toekenning")
                .containsEntry("coSignGroup", "wethouder").containsEntry("signatoryFunction", "gebiedsmanager");
    }

    @Test
    void aRefusalOf30000IsDecidedByTheWethouderWithReasonsAndCoSignedByTheGebiedsmanager() {
        ProcessInstance instance = toDecision(submit(Category.GROEN_EN_OPENBARE_RUIMTE, "30000", Urgency.NORMAAL));
        assertThat(task()).hasCandidateGroup("wethouder");
        assertThatThrownBy(() -> complete(Tasks.DECIDE, "wethouder", Map.of("outcome", "afgewezen")))
                .as("a refusal needs its reasons (Awb 3:46)").hasMessageContaining("motivering");
        decide("wethouder", "afgewezen", null);

        assertThat(instance).isWaitingAt(Tasks.CO_SIGN_DECISION);
        assertThat(task()).hasCandidateGroup("gebiedsmanager");
        assertThat(mandateOf(instance)).containsEntry("decisionType", "afwijzing").containsEntry("decidingGroup", "wethouder")
                .containsEntry("signatoryFunction", "wethouder wijkgericht werken");
    }

    // --- completeness: the outcomes the law knows --------------------------------------------------------------

    @Test
    void aRequestForTheProvinceIsForwardedToItUnderTheForwardingMandate() {
        RegisteredRequest request = submit(Category.VERKEER_EN_PARKEREN, "4000", Urgency.NORMAAL);
        ProcessInstance instance = started(request);
        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "doorsturen",
                "competentBody", "Gedeputeerde Staten van Utrecht", "completenessMotivation", "De N201 is een provinciale weg."));
        sent.addAll(bare.sendMessages(currentCase));

        assertThat(instance).isEnded().hasPassed("ForwardToCompetentBody").hasNotPassed("MarkInAdvice");
        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.outcome()).isEqualTo(Outcome.DOORGEZONDEN);
        assertThat(file.outcome().label()).isEqualTo("Doorgezonden naar het bevoegde bestuursorgaan");
        assertThat(caseFiles.events(request.caseNumber())).filteredOn(e -> e.type() == CaseEventType.FORWARDED)
                .singleElement().satisfies(event -> {
                    assertThat(event.detail()).startsWith("Doorgezonden aan Gedeputeerde Staten van Utrecht").contains("N201");
                    assertThat(event.actor()).isNull(); // bare engine: nobody logged in
                });
        assertThat(statuses(request)).contains(CaseStatus.DOORGEZONDEN.text(), CaseStatus.AFGEHANDELD.text());
        assertThat(sent).last().isEqualTo("doorgezonden");
        assertThat(mandateOf(instance)).containsEntry("decisionType", "doorzending").containsEntry("decidingGroup", OWNER)
                .containsEntry("signatoryFunction", "wijkmanager");
    }

    @Test
    void whatIsNoApplicationForADecisionIsAnsweredAndEndsAsGeenAanvraag() {
        RegisteredRequest request = submit(Category.OVERIG, "0", Urgency.NORMAAL);
        ProcessInstance instance = started(request);
        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "geen-aanvraag",
                "completenessMotivation", "Uw melding over de losse stoeptegel hebben wij aan de buitendienst gegeven."));
        sent.addAll(bare.sendMessages(currentCase));

        assertThat(instance).isEnded().hasPassed("ConcludeNoApplication");
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().outcome()).isEqualTo(Outcome.GEEN_AANVRAAG);
        assertThat(sent).last().isEqualTo("geen-aanvraag");
        assertThat(mandateOf(instance)).containsEntry("decisionType", "geen-aanvraag").containsEntry("decidingGroup", OWNER);
    }

    @Test
    void forwardingNeedsTheCompetentBodyAndNietOntvankelijkIsNoOutcomeAnyMore() {
        RegisteredRequest request = submit(Category.VERKEER_EN_PARKEREN, "4000", Urgency.NORMAAL);
        ProcessInstance instance = started(request);

        assertThatThrownBy(() -> complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "doorsturen",
                "completenessMotivation", "Provinciale weg.")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("naar welk bestuursorgaan");
        assertThatThrownBy(() -> complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "niet-ontvankelijk",
                "completenessMotivation", "Provinciale weg.")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Kies als oordeel compleet, incompleet, doorsturen");

        assertThat(instance).isWaitingAt(Tasks.CHECK_COMPLETENESS);
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().outcome()).as("nothing stored").isNull();
    }

    // --- a changed table, no Java ------------------------------------------------------------------------------

    @Test
    void aMandateDecisionThatGivesForwardingToTheGebiedsmanagerChangesTheDeciderWithoutJava() throws Exception {
        String table = Files.readString(Path.of("processes/decision-mandate.dmn"));
        String changed = table
                .replace("<outputEntry id=\"mandate-forwarding-out-0\"><text>ownerGroup</text>",
                        "<outputEntry id=\"mandate-forwarding-out-0\"><text>\"gebiedsmanager\"</text>")
                .replace("<outputEntry id=\"mandate-forwarding-out-4\"><text>\"wijkmanager\"</text>",
                        "<outputEntry id=\"mandate-forwarding-out-4\"><text>\"gebiedsmanager\"</text>");
        assertThat(changed).as("the rows as written in the table").isNotEqualTo(table);

        ProcessInstance before = forwarded();
        assertThat(mandateOf(before)).containsEntry("decidingGroup", OWNER);

        Deployment deployed = repositoryService.createDeployment().name("mandate-forwarding-test")
                .addString("decision-mandate.dmn", changed).deploy();
        try {
            ProcessInstance after = forwarded();
            assertThat(mandateOf(after)).containsEntry("decidingGroup", "gebiedsmanager")
                    .containsEntry("signatoryFunction", "gebiedsmanager");
            assertThat(mandates.of(DecisionType.DOORZENDING, null, "verkeer-en-parkeren", OWNER).decidingGroup())
                    .as("the Java API reads the deployed table too").isEqualTo("gebiedsmanager");
        } finally {
            repositoryService.deleteDeployment(deployed.getId(), true);
        }
        assertThat(mandates.of(DecisionType.DOORZENDING, null, "verkeer-en-parkeren", OWNER).decidingGroup()).isEqualTo(OWNER);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private ProcessInstance forwarded() {
        ProcessInstance instance = started(submit(Category.VERKEER_EN_PARKEREN, "4000", Urgency.NORMAAL));
        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "doorsturen",
                "competentBody", "Gedeputeerde Staten van Utrecht", "completenessMotivation", "Provinciale weg."));
        return instance;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> mandateOf(ProcessInstance instance) {
        return (Map<String, Object>) bare.engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("mandate").singleResult().getValue();
    }

    private RegisteredRequest submit(Category category, String amount, Urgency urgency) {
        RegisteredRequest request = bare.submitOnline("breukelen", category, amount, urgency);
        current = request.processInstanceId();
        currentCase = request.caseNumber();
        sent.clear();
        return request;
    }

    private ProcessInstance started(RegisteredRequest request) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult();
        sent.addAll(bare.sendMessages(currentCase));
        return instance;
    }

    private ProcessInstance toDecision(RegisteredRequest request) {
        ProcessInstance instance = started(request);
        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        Task advice = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Tasks.GIVE_ADVICE)
                .taskCandidateGroup("advies-fysiek").singleResult();
        taskService.claim(advice.getId(), "adv.fysiek");
        taskService.complete(advice.getId(), Map.of("adviceOutcome", "positief", "adviceMotivation", "Zo is het."));
        assertThat(instance).isWaitingAt(Tasks.DECIDE);
        return instance;
    }

    private void decide(String user, String outcome, Integer amount) {
        Map<String, Object> variables = new HashMap<>(Map.of("outcome", outcome, "decisionMotivation", "Past binnen het beleid."));
        if (amount != null) {
            variables.put("decidedAmount", amount);
        }
        complete(Tasks.DECIDE, user, variables);
    }

    /** As a person in Tasklist: claim, then complete. */
    private void complete(String taskKey, String user, Map<String, Object> variables) {
        bare.completeAsPerson(current, taskKey, user, variables);
    }

    private List<String> statuses(RegisteredRequest request) {
        return caseFiles.events(request.caseNumber()).stream().map(CaseEvent::statusText).filter(s -> s != null).toList();
    }
}
