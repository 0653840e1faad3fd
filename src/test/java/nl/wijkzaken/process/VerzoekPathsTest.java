package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.BudgetMovement;
import nl.wijkzaken.budget.MovementType;
import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.letters.LetterKind;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * The route verzoek (LEGAL.md 1) on a bare engine ({@link BareEngine}): a request for the municipality to act goes
 * through completeness and advice like any request, but ends in a reasoned answer ("Verzoek beantwoorden"), not in a
 * subsidy decision: no objection clause, no penalty, and money the municipality spends on it is an internal
 * allocation on the ledger, not a grant to the resident. A subsidy application still goes to "Besluit nemen".
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/verzoek-beantwoorden.form", "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form",
        "forms/beslistermijn-verstreken.form"})
class VerzoekPathsTest {

    /** Words of an objection clause or a penalty for late decisions: none belongs in anything a verzoek produces. */
    static final List<String> DECISION_WORDS = List.of("bezwaar", "dwangsom", "ingebrekestelling");

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final BudgetLedger budgets = bare.budgets;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();

    private final List<String> sent = new java.util.ArrayList<>();
    private String current;
    private String currentCase;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(bare.engine);
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "50000");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aVerzoekGoesThroughCompletenessAndAdviceToAReasonedAnswerItsAllocationAndItsLetterWithoutObjectionClause() throws IOException {
        // Small and acute (triage: fast lane), but the municipality is asked to act: no fast lane, completeness first.
        RegisteredRequest request = submit("gemeente", Category.GROEN_EN_OPENBARE_RUIMTE, "Bankje bij de vijver",
                "Kan de gemeente een bankje bij de vijver zetten?", "500", Urgency.ACUUT);
        ProcessInstance instance = started(request);
        assertThat(runtimeService.getVariable(current, "route")).isEqualTo("verzoek");
        assertThat(runtimeService.getVariable(current, "fastLane")).isEqualTo(true);
        assertThat(instance).isWaitingAt(Tasks.CHECK_COMPLETENESS).hasNotPassed(Tasks.HANDLE_FAST_LANE);

        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        complete(Tasks.GIVE_ADVICE, "adv.fysiek", Map.of("adviceOutcome", "positief", "adviceMotivation", "Er is plek op de oever."));

        assertThat(instance).isWaitingAt(Tasks.ANSWER_REQUEST).hasPassed("RouteGateway", "DetermineAnswerMandate")
                .hasNotPassed(Tasks.DECIDE, "DetermineMandate");
        assertThat(task()).hasName("Verzoek beantwoorden").hasCandidateGroup("wijkmanager-breukelen");

        String planned = EngineClock.today().plusDays(30).toString();
        Map<String, Object> answer = new HashMap<>(Map.of("answer", "uitvoeren",
                "answerMotivation", "Een bankje bij de vijver past in het groenbeleid en de buurt gebruikt de oever veel.",
                "answerWhat", "Wij plaatsen een houten bank aan de noordkant van de vijver.",
                "answerPlannedOn", planned, "allocatedAmount", 1200,
                // A submitted "who answered" is ignored: the assignee is who answered.
                "answeredBy", "iemand.anders"));
        complete(Tasks.ANSWER_REQUEST, "wm.breukelen", answer);
        runMessages();

        assertThat(instance).isEnded().hasPassed("BookInternalAllocation", "ConcludeAnswer", "PrepareLetter", "SendOutcome")
                .hasNotPassed(Tasks.DECIDE, "ReserveBudget");
        assertThat(sent).containsExactly("ontvangstbevestiging", "antwoord");

        CaseFile file = caseFiles.find(request.caseNumber()).orElseThrow();
        assertThat(file.outcome()).isEqualTo(Outcome.UITVOEREN);
        assertThat(file.outcome().isDecision()).isFalse();
        assertThat(file.outcome().grants()).isFalse();
        assertThat(file.decidedAmount()).as("nothing is granted to the resident").isNull();
        assertThat(file.status()).isEqualTo(CaseStatus.AFGEHANDELD);
        assertThat(statuses(request)).containsSubsequence(CaseStatus.IN_BEHANDELING.text(), CaseStatus.ADVIES.text(),
                CaseStatus.VERZOEK_BEANTWOORD.text(), CaseStatus.AFGEHANDELD.text())
                .doesNotContain(CaseStatus.BESLUIT_GENOMEN.text());
        assertThat(caseFiles.events(request.caseNumber())).filteredOn(e -> e.type() == CaseEventType.REQUEST_ANSWERED)
                .singleElement().satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("wm.breukelen");
                    assertThat(event.detail()).startsWith("Wordt uitgevoerd. Een bankje").contains("houten bank",
                            DutchFormat.date(EngineClock.today().plusDays(30)), "€ 1.200,00");
                });
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(current).count()).isZero();
        assertThat(bare.engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(current)
                .variableName("answeredBy").singleResult().getValue()).isEqualTo("wm.breukelen");

        // The municipality pays its own work from the neighbourhood's budget: an internal allocation, no reservation.
        assertThat(budgets.movementsOfCase(request.caseNumber())).singleElement().satisfies(movement -> {
            assertThat(movement.type()).isEqualTo(MovementType.INTERNAL_ALLOCATION);
            assertThat(movement.amount()).isEqualByComparingTo("-1200");
            assertThat(movement.actor()).isEqualTo("wm.breukelen");
        });
        assertThat(budgets.reservedForCase(request.caseNumber())).as("no grant reserved").isEqualByComparingTo("0");

        StoredLetter letter = bare.letters.ofCase(request.caseNumber()).get(0);
        assertThat(letter.kind()).isEqualTo(LetterKind.ANTWOORD);
        assertThat(letter.kind().isDecision()).isFalse();
        String text = text(bare.letters.pdf(request.caseNumber(), letter.id()).orElseThrow());
        assertThat(text).contains("Antwoord op uw verzoek", "Kan de gemeente een bankje bij de vijver zetten?",
                "Wordt uitgevoerd.", "groenbeleid", "Wij plaatsen een houten bank",
                DutchFormat.date(EngineClock.today().plusDays(30)), "€ 1.200,00");
        assertThat(text.toLowerCase(DutchFormat.LOCALE)).doesNotContain(DECISION_WORDS);
    }

    @Test
    void theAnswerIsCheckedAndAnAllocationBeyondTheRemainingBudgetIsRefusedWithNothingStored() {
        RegisteredRequest request = submit("gemeente", Category.SPELEN_EN_SPORT, "Doeltjes op het veldje",
                "Kan de gemeente doeltjes plaatsen?", "500", Urgency.NORMAAL);
        toAnswer(request, List.of("advies-fysiek", "advies-sociaal"));
        String planned = EngineClock.today().plusDays(14).toString();

        assertThatThrownBy(() -> complete(Tasks.ANSWER_REQUEST, "wm.breukelen", Map.of("answer", "uitvoeren")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Geef de motivering");
        assertThatThrownBy(() -> complete(Tasks.ANSWER_REQUEST, "wm.breukelen", Map.of("answer", "toegekend",
                "answerMotivation", "Prima.")))
                .as("a grant is no answer to a verzoek").hasMessageContaining("Kies als antwoord");
        assertThatThrownBy(() -> complete(Tasks.ANSWER_REQUEST, "wm.breukelen", Map.of("answer", "anders-uitvoeren",
                "answerMotivation", "Doeltjes passen niet, een bal-kooi wel.", "answerPlannedOn", planned)))
                .hasMessageContaining("Vul in wat de gemeente precies doet");
        assertThatThrownBy(() -> complete(Tasks.ANSWER_REQUEST, "wm.breukelen", Map.of("answer", "niet-uitvoeren",
                "answerMotivation", "Het veldje wordt bebouwd.", "allocatedAmount", 100)))
                .hasMessageContaining("betaalt de gemeente niets uit het buurtbudget");
        assertThatThrownBy(() -> complete(Tasks.ANSWER_REQUEST, "wm.breukelen", Map.of("answer", "uitvoeren",
                "answerMotivation", "Goed idee.", "answerWhat", "Twee doeltjes.", "answerPlannedOn", planned,
                "allocatedAmount", 3000)))
                .as("Awb 10:1: above the owner's mandate").hasMessageContaining("valt niet onder het mandaat")
                .hasMessageContaining("gebiedsmanager");

        // Leave € 300 free: an allocation of € 400 is refused under the budget row lock, nothing is booked. "Free" is
        // what complete subsidy applications do not claim: the municipality's own work never takes their money
        // (Awb 4:25, 4:27 lid 2); the ledger keeps their claims beside the € 300.
        int year = EngineClock.today().getYear();
        budgets.allocateInternally("BV-TEST-ANDER-WERK", "breukelen", year,
                bare.allocations.unclaimed("breukelen", year).subtract(new BigDecimal("300")), "test", "Ander werk van de gemeente");
        BigDecimal claimed = bare.allocations.position("-", "breukelen", EngineClock.today(), BigDecimal.ZERO).claimedEarlier();
        assertThat(budgets.remaining("breukelen", year)).isEqualByComparingTo(claimed.add(new BigDecimal("300")));
        assertThatThrownBy(() -> complete(Tasks.ANSWER_REQUEST, "wm.breukelen", Map.of("answer", "uitvoeren",
                "answerMotivation", "Goed idee.", "answerWhat", "Twee doeltjes.", "answerPlannedOn", planned,
                "allocatedAmount", 400)))
                .hasMessageContaining("Van het buurtbudget " + year + " is nog € 300,00 vrij na wat is verleend en wat "
                        + "volledige subsidieaanvragen claimen");
        assertThat(task()).as("the task stays open").hasDefinitionKey(Tasks.ANSWER_REQUEST);
        assertThat(budgets.movementsOfCase(request.caseNumber())).isEmpty();
        assertThat(caseFiles.events(request.caseNumber())).noneMatch(e -> e.type() == CaseEventType.REQUEST_ANSWERED);

        complete(Tasks.ANSWER_REQUEST, "wm.breukelen", Map.of("answer", "uitvoeren", "answerMotivation", "Goed idee.",
                "answerWhat", "Twee doeltjes.", "answerPlannedOn", planned, "allocatedAmount", 300));
        assertThat(bare.allocations.unclaimed("breukelen", year)).isEqualByComparingTo("0");
        assertThat(budgets.remaining("breukelen", year)).as("the claims are still covered").isEqualByComparingTo(claimed);
        assertThat(budgets.movementsOfCase(request.caseNumber())).extracting(BudgetMovement::type)
                .containsExactly(MovementType.INTERNAL_ALLOCATION);
    }

    @Test
    void anAnswerWithoutAmountBooksNothingAndNotDoingItNeedsNoWhatOrWhen() {
        RegisteredRequest request = submit("gemeente", Category.SPELEN_EN_SPORT, "Klimrek", "Kan er een klimrek komen?",
                "0", Urgency.NORMAAL);
        ProcessInstance instance = toAnswer(request, List.of("advies-fysiek", "advies-sociaal"));
        complete(Tasks.ANSWER_REQUEST, "wm.breukelen", Map.of("answer", "niet-uitvoeren",
                "answerMotivation", "Er staat al een klimrek op 200 meter."));
        runMessages();

        assertThat(instance).isEnded().hasPassed("BookInternalAllocation");
        assertThat(budgets.movementsOfCase(request.caseNumber())).isEmpty();
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().outcome()).isEqualTo(Outcome.NIET_UITVOEREN);
        assertThat(sent).last().isEqualTo("antwoord");
    }

    @Test
    void aSubsidyApplicationStillGoesToBesluitNemenAndASmallAcuteOneStillTakesTheFastLane() {
        RegisteredRequest application = submit("bewoners", Category.GROEN_EN_OPENBARE_RUIMTE, "Geveltuintjes",
                "Wij leggen zelf geveltuintjes aan.", "2000", Urgency.NORMAAL);
        ProcessInstance instance = started(application);
        assertThat(runtimeService.getVariable(current, "route")).isEqualTo("subsidie");
        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        complete(Tasks.GIVE_ADVICE, "adv.fysiek", Map.of("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        assertThat(instance).isWaitingAt(Tasks.DECIDE).hasPassed("RouteGateway", "DetermineMandate")
                .hasNotPassed(Tasks.ANSWER_REQUEST);
        assertThat(task()).hasName("Besluit nemen");

        RegisteredRequest small = submit("bewoners", Category.GROEN_EN_OPENBARE_RUIMTE, "Plantenbak",
                "Wij zetten zelf een plantenbak neer.", "500", Urgency.ACUUT);
        assertThat(started(small)).isWaitingAt(Tasks.HANDLE_FAST_LANE);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private RegisteredRequest submit(String carriedOutBy, Category category, String title, String description,
                                     String amount, Urgency urgency) {
        RegisteredRequest request = bare.submitCarriedOutBy(carriedOutBy, "breukelen", category, title, description,
                amount, urgency);
        current = request.processInstanceId();
        currentCase = request.caseNumber();
        sent.clear();
        return request;
    }

    private ProcessInstance started(RegisteredRequest request) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult();
        assertThat(instance).hasBusinessKey(request.caseNumber()).isWaitingAt("SendAcknowledgement");
        runMessages();
        return instance;
    }

    /** Completeness, then a positive advice from each domain: the case waits at "Verzoek beantwoorden". */
    private ProcessInstance toAnswer(RegisteredRequest request, List<String> domains) {
        ProcessInstance instance = started(request);
        complete(Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        for (String group : domains) {
            var advice = bare.engine.getTaskService().createTaskQuery().processInstanceId(current)
                    .taskDefinitionKey(Tasks.GIVE_ADVICE).taskCandidateGroup(group).singleResult();
            String user = "adv." + group.substring("advies-".length());
            bare.engine.getTaskService().claim(advice.getId(), user);
            bare.engine.getTaskService().complete(advice.getId(), Map.of("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        }
        assertThat(instance).isWaitingAt(Tasks.ANSWER_REQUEST);
        return instance;
    }

    private void complete(String taskKey, String user, Map<String, Object> variables) {
        bare.completeAsPerson(current, taskKey, user, variables);
    }

    private void runMessages() {
        sent.addAll(bare.sendMessages(currentCase));
    }

    private List<String> statuses(RegisteredRequest request) {
        return caseFiles.events(request.caseNumber()).stream().map(CaseEvent::statusText).filter(s -> s != null).toList();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }
}
