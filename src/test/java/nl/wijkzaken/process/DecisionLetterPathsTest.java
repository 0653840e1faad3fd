package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.letters.LetterKind;
import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;

/**
 * The letter between the end of "Behandeling" and "Zaak sluiten" on the bare engine: "Brief opstellen" stores the
 * letter of the outcome, the channel the resident chose decides, and by post the front office's "Per post verzenden"
 * (due in two working days) ends in "Verzenddatum vastleggen": the sending date the objection term counts from.
 * The e-mail channel with a real mail server: letters.DecisionLetterDeliveryTest.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "forms/verzoek-beantwoorden.form",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form",
        "forms/per-post-verzenden.form"})
class DecisionLetterPathsTest {

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final Letters letters = bare.letters;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();

    /** Thursday 3 December 2026, 10:00 in the municipality. */
    private static final LocalDateTime DECIDED_AT = LocalDateTime.of(2026, 12, 3, 10, 0);

    @BeforeEach
    void init() {
        BpmnAwareTests.init(bare.engine);
        setClock(DECIDED_AT);
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "50000");
        IdentityService identity = bare.engine.getIdentityService();
        if (identity.createUserQuery().userId("wm.breukelen").count() == 0) {
            User user = identity.newUser("wm.breukelen");
            user.setFirstName("Bram");
            user.setLastName("Breukels");
            identity.saveUser(user);
        }
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void byPostTheFrontOfficePrintsWithinTwoWorkingDaysAndCompletingRecordsTheSendingDateTheLetterCarries() throws IOException {
        RegisteredRequest request = fastLaneDecidedFor("post", "toegekend");
        ProcessInstance instance = instance(request);

        assertThat(instance).isWaitingAt(Tasks.SEND_BY_POST).hasPassed("PrepareLetter").hasNotPassed("SendOutcome");
        Task post = task(Tasks.SEND_BY_POST, instance);
        assertThat(post).hasName("Per post verzenden").hasCandidateGroup("balie");
        // Thursday: Friday is the first working day, Monday 7 December the second.
        assertThat(DutchFormat.date(LocalDate.ofInstant(post.getDueDate().toInstant(), DutchFormat.ZONE))).isEqualTo("7 december 2026");
        assertThat(taskService.getVariable(post.getId(), "postalAddress")).isEqualTo("Kerkstraat 12\n3621 AB Breukelen");
        assertThat((String) taskService.getVariable(post.getId(), "letterLink"))
                .contains("/api/letters/" + request.caseNumber() + "/");
        StoredLetter draft = letters.ofCase(request.caseNumber()).get(0);
        assertThat(draft.kind()).isEqualTo(LetterKind.TOEKENNING);
        assertThat(draft.sent()).isFalse();
        assertThat(caseFiles.decisionSentOn(request.caseNumber())).as("not sent while it waits for the post").isEmpty();

        // Printed and posted the next day, Friday 4 December.
        setClock(DECIDED_AT.plusDays(1));
        complete(post, "balie", Map.of("letterPosted", true));

        assertThat(instance).isEnded().hasPassed(Tasks.SEND_BY_POST, "RecordPosted", "CloseCase");
        LocalDate sentOn = LocalDate.of(2026, 12, 4);
        assertThat(caseFiles.decisionSentOn(request.caseNumber())).contains(sentOn);
        CaseEvent event = caseFiles.events(request.caseNumber()).stream()
                .filter(e -> e.type() == CaseEventType.DECISION_SENT).findFirst().orElseThrow();
        assertThat(event.detail()).contains("per post");
        assertThat(event.actor()).isEqualTo("balie");

        StoredLetter letter = letters.ofCase(request.caseNumber()).get(0);
        assertThat(letter.sentOn()).isEqualTo(sentOn);
        assertThat(letter.channel()).isEqualTo(Letters.POST);
        String text = text(letters.pdf(request.caseNumber(), letter.id()).orElseThrow());
        // Six weeks from Saturday 5 December 2026 end on Friday 15 January 2027.
        assertThat(LegalCalendar.ofLaw().objectionTermEnd(sentOn)).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(text).contains("Datum 4 december 2026", "uiterlijk op 15 januari 2027 zijn ontvangen",
                "Fatima de Vries", "Kerkstraat 12", "3621 AB Breukelen", "Wij verlenen u een subsidie van € 500,00",
                "Bram Breukels", "Wijkmanager", "namens het college van burgemeester en wethouders");
    }

    @Test
    void withoutTheBoxTickedTheLetterIsNotRecordedAsSentAndTheTaskStaysOpen() {
        RegisteredRequest request = fastLaneDecidedFor("post", "afgewezen");
        Task post = task(Tasks.SEND_BY_POST, instance(request));

        assertThatThrownBy(() -> complete(post, "balie", Map.of("letterPosted", false)))
                .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("afgedrukt en op de post");

        assertThat(instance(request)).isWaitingAt(Tasks.SEND_BY_POST);
        assertThat(caseFiles.decisionSentOn(request.caseNumber())).isEmpty();
        assertThat(letters.ofCase(request.caseNumber()).get(0).sent()).isFalse();
    }

    @Test
    void byEmailTheOutcomeStepSendsTheLetterAndNoFrontOfficeTaskIsMade() {
        RegisteredRequest request = fastLaneDecidedFor("e-mail", "afgewezen");

        assertThat(instance(request)).isWaitingAt("SendOutcome").hasPassed("PrepareLetter");
        assertThat(letters.ofCase(request.caseNumber())).extracting(StoredLetter::kind).containsExactly(LetterKind.AFWIJZING);
        assertThat(runtimeService.getVariable(request.processInstanceId(), Variables.LETTER_ID))
                .isEqualTo(letters.ofCase(request.caseNumber()).get(0).id());
    }

    @Test
    void withoutAChoiceTheLetterGoesByEmailWhenThereIsAnAddressElseByPost() {
        assertThat(DecisionLetters.channel(null, "a@example.org")).isEqualTo("e-mail");
        assertThat(DecisionLetters.channel(null, null)).isEqualTo("post");
        assertThat(DecisionLetters.channel("post", "a@example.org")).isEqualTo("post");
    }

    @Test
    void everyOutcomeHasItsLetterAndNotAnApplicationIsNotADecision() {
        assertThat(DecisionLetters.kind("besluit", "toegekend")).isEqualTo(LetterKind.TOEKENNING);
        assertThat(DecisionLetters.kind("snelle-afhandeling", "gedeeltelijk-toegekend")).isEqualTo(LetterKind.GEDEELTELIJKE_TOEKENNING);
        assertThat(DecisionLetters.kind("besluit", "afgewezen")).isEqualTo(LetterKind.AFWIJZING);
        assertThat(DecisionLetters.kind("buiten-behandeling", null)).isEqualTo(LetterKind.BUITEN_BEHANDELING);
        assertThat(DecisionLetters.kind("geen-aanvraag", null)).isEqualTo(LetterKind.GEEN_AANVRAAG);
        assertThat(DecisionLetters.kind("doorgezonden", null)).isEqualTo(LetterKind.DOORZENDING);
        assertThat(LetterKind.GEEN_AANVRAAG.isDecision()).isFalse();
        assertThat(DecisionLetters.kind(null, "doorzending")).isEqualTo(LetterKind.DOORZENDING);
    }

    @Test
    void theSignatoryIsTheDeciderByNameWithTheFunctionAndMandateDecisionTheMandateNames() {
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, "500", Urgency.ACUUT);
        bare.sendMessages(request.caseNumber());
        runtimeService.setVariable(request.processInstanceId(), "mandate", Map.of("decidingGroup", "wijkmanager-breukelen",
                "signatoryFunction", "Wijkmanager Breukelen", "mandateDecision", "wijkzaken-2026"));
        complete(task(Tasks.HANDLE_FAST_LANE, instance(request)), "wm.breukelen",
                Map.of("outcome", "afgewezen", "decisionMotivation", "Past niet in het beleid."));

        var content = letters.content(letters.ofCase(request.caseNumber()).get(0).id());
        assertThat(content.signatoryName()).as("first and last name from the identity service").isEqualTo("Bram Breukels");
        assertThat(content.signatoryFunction()).isEqualTo("Wijkmanager Breukelen");

        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("mandate", Map.of(
                "wijkzaken.mandate.decisions.wijkzaken-2026.title", "Mandaatbesluit wijkzaken 2026",
                "wijkzaken.mandate.decisions.wijkzaken-2026.reference", "Z/26/001",
                "wijkzaken.mandate.decisions.wijkzaken-2026.date", "2026-01-13")));
        DecisionLetters configured = new DecisionLetters(letters, caseFiles, LegalCalendar.ofLaw(), environment, "balie", bare.regulations);
        assertThat(configured.mandateDecision("wijkzaken-2026"))
                .isEqualTo("Mandaatbesluit wijkzaken 2026 (kenmerk Z/26/001, 13 januari 2026)");
        assertThat(configured.mandateDecision("onbekend")).isNull();
    }

    private RegisteredRequest fastLaneDecidedFor(String channel, String outcome) {
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, "500", Urgency.ACUUT);
        bare.sendMessages(request.caseNumber());
        runtimeService.setVariables(request.processInstanceId(), Map.of(Variables.DECISION_CHANNEL, channel,
                Variables.POSTAL_STREET, "Kerkstraat", Variables.POSTAL_HOUSE_NUMBER, "12",
                Variables.POSTAL_CODE, "3621 AB", Variables.POSTAL_PLACE, "Breukelen"));
        complete(task(Tasks.HANDLE_FAST_LANE, instance(request)), "wm.breukelen",
                Map.of("outcome", outcome, "decisionMotivation", "Het bord wordt geplaatst."));
        return request;
    }

    private RegisteredRequest submit(Category category, String amount, Urgency urgency) {
        return bare.intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                "Buurtgroep Zuid", "breukelen", category, "Verzoek " + category.label(), "Graag iets doen aan de buurt.",
                new BigDecimal(amount), urgency, "Straatweg 1", "Straatweg", "1", "3621 AB", "Breukelen", null, null, CarriedOutBy.BEWONERS), "online");
    }

    private ProcessInstance instance(RegisteredRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult();
    }

    private Task task(String key, ProcessInstance instance) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), variables);
    }

    private static void setClock(LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(DutchFormat.ZONE).toInstant()));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }
}
