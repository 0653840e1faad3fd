package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.models.ResidentRequestProcess;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.TaskDriver;

/** The supplement form of the status page, posted over HTTP as a browser does (session cookie and CSRF token). */
@ApplicationTest
class SupplementsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ResidentCases cases;
    @Autowired CaseFiles caseFiles;
    @Autowired TestRestTemplate http;

    TaskDriver driver;

    @BeforeEach
    void driver() {
        driver = new TaskDriver(context);
    }

    /** The page as a browser got it: its session cookie and the form's CSRF token. */
    record Page(String cookie, String csrf) {
    }

    @Test
    void theSupplementResumesTheCaseReachesTheOwnerAndIsKeptInTheCaseHistory() {
        Submission submission = waitingForSupplement();
        String processInstanceId = processInstanceId(submission);

        Page page = open(submission.token());
        ResponseEntity<String> response = post(submission.token(), "Hier is de tekening: zie bijlage bij de balie.", page);

        // Post/redirect/get: the status page confirms it once, and no longer offers the form.
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/status/" + submission.token());
        String confirmed = get(response.getHeaders().getLocation().getPath(), page);
        assertThat(confirmed).contains("id=\"supplement-received\"", "Wij hebben uw aanvulling ontvangen",
                "id=\"case-status\">In behandeling<").doesNotContain("id=\"supplement\"", "id=\"deadline-paused\"");
        assertThat(get(response.getHeaders().getLocation().getPath(), page)).doesNotContain("id=\"supplement-received\"");
        Task check = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(check.getTaskDefinitionKey()).isEqualTo("CheckCompleteness");
        assertThat(taskService.getVariable(check.getId(), "supplementText"))
                .isEqualTo("Hier is de tekening: zie bijlage bij de balie.");
        assertThat(caseFiles.find(submission.caseNumber()).orElseThrow().suspendedSince()).isNull();
        List<CaseEvent> events = caseFiles.events(submission.caseNumber());
        assertThat(events).filteredOn(e -> e.type().equals(CaseEventType.SUPPLEMENT_RECEIVED)).singleElement()
                .satisfies(e -> {
                    assertThat(e.detail()).contains("Hier is de tekening: zie bijlage bij de balie.");
                    assertThat(e.actor()).isEqualTo("bewoner");
                });
        assertThat(events).extracting(CaseEvent::statusText).containsSubsequence(CaseStatus.AANVULLING_GEVRAAGD.text(),
                CaseStatus.AANVULLING_ONTVANGEN.text(), CaseStatus.IN_BEHANDELING.text());
    }

    /** Issue 16: the resident attaches files on the status page (multipart, as the form sends it). */
    @Test
    void theResidentAttachesAPngAndAFileThatIsNoPictureIsRefusedWithNothingStored() {
        Submission submission = waitingForSupplement();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        Page page = open(submission.token());
        ResponseEntity<String> refused = postWithFile(submission.token(), "Zie de foto.", page, "foto.png",
                "GIF89a geen png".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Alleen PDF-, JPEG- en PNG-bestanden zijn toegestaan");
        assertThat(caseFiles.events(submission.caseNumber())).noneMatch(e -> e.type().equals(CaseEventType.SUPPLEMENT_RECEIVED));

        ResponseEntity<String> accepted = postWithFile(submission.token(), "Zie de foto.", open(submission.token()), "foto.png", png);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(caseFiles.events(submission.caseNumber())).filteredOn(e -> e.type().equals(CaseEventType.SUPPLEMENT_RECEIVED))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("bewoner");
                    assertThat(e.detail()).contains("Zie de foto.", "via de statuspagina", "foto.png (PNG, 1 kB)");
                });
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId(submission)).singleResult()
                .getTaskDefinitionKey()).isEqualTo("CheckCompleteness");
    }

    private ResponseEntity<String> postWithFile(String token, String text, Page page, String fileName, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add(HttpHeaders.COOKIE, page.cookie());
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("_csrf", page.csrf());
        form.add("supplementText", text);
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.IMAGE_PNG);
        form.add("bijlagen", new HttpEntity<>(new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, fileHeaders));
        return http.withRedirects(Redirects.DONT_FOLLOW)
                .postForEntity("/status/" + token + "/aanvulling", new HttpEntity<>(form, headers), String.class);
    }

    @Test
    void anEmptyOrTooLongSupplementIsRefusedInDutchAndChangesNothing() {
        Submission submission = waitingForSupplement();
        int events = caseFiles.events(submission.caseNumber()).size();

        ResponseEntity<String> empty = post(submission.token(), "   ");
        ResponseEntity<String> tooLong = post(submission.token(), "x".repeat(Supplements.MAX_LENGTH + 1));

        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody()).contains("id=\"supplementText-error\"", "Vul uw aanvulling in.", "aria-invalid=\"true\"");
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody()).contains("Uw aanvulling mag hoogstens 4000 tekens lang zijn (nu 4001).");
        assertThat(waitsForSupplement(submission)).isTrue();
        assertThat(caseFiles.events(submission.caseNumber())).hasSize(events);
    }

    /** Finding 14: the case history kept only the first 4000 characters of label plus text. */
    @Test
    void aSupplementOfTheFullLengthIsKeptWholeInTheCaseHistoryAndTheCase() {
        Submission submission = waitingForSupplement();
        String text = "Tekening en toelichting. ".repeat(200).substring(0, Supplements.MAX_LENGTH - 1) + "!";

        ResponseEntity<String> response = post(submission.token(), text);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(caseFiles.events(submission.caseNumber()))
                .filteredOn(e -> e.type().equals(CaseEventType.SUPPLEMENT_RECEIVED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo(text));
        Task check = taskService.createTaskQuery().processInstanceId(processInstanceId(submission)).singleResult();
        assertThat(taskService.getVariable(check.getId(), "supplementText")).isEqualTo(text);
    }

    /** Finding 7: a NUL (which PostgreSQL cannot store) or another control character is refused in Dutch. */
    @Test
    void aSupplementWithAControlCharacterIsRefusedInDutchAndChangesNothing() {
        Submission submission = waitingForSupplement();
        int events = caseFiles.events(submission.caseNumber()).size();

        ResponseEntity<String> nul = post(submission.token(), "Zie de tekening\u0000.");
        ResponseEntity<String> bell = post(submission.token(), "Zie de tekening\u0007.");

        for (ResponseEntity<String> refused : List.of(nul, bell)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("id=\"supplementText-error\"", "onzichtbaar stuurteken");
        }
        assertThat(waitsForSupplement(submission)).isTrue();
        assertThat(caseFiles.events(submission.caseNumber())).hasSize(events);
    }

    /** Browsers send line breaks as CRLF but count them as one character: 4000 typed characters fit. */
    @Test
    void lineBreaksCountAsOneCharacterAsInTheBrowser() {
        Submission submission = waitingForSupplement();
        String typed = ("x".repeat(99) + "\n").repeat(40);

        ResponseEntity<String> response = post(submission.token(), typed.replace("\n", "\r\n"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(runtimeService.getVariable(processInstanceId(submission), "supplementText")).isEqualTo(typed.strip());
    }

    @Test
    void aSupplementWhenNoneIsAskedIsRefusedWithAClearMessageAndChangesNothing() {
        Submission submission = waitingForSupplement();
        post(submission.token(), "Eerste aanvulling.");
        int events = caseFiles.events(submission.caseNumber()).size();
        Page page = open(waitingForSupplement().token());   // any form page gives a session and a token

        ResponseEntity<String> again = post(submission.token(), "Nog een aanvulling.", page);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("id=\"supplement-not-expected\"",
                "Uw verzoek wacht op dit moment niet op een aanvulling. Er is niets veranderd.");
        assertThat(caseFiles.events(submission.caseNumber())).hasSize(events);
        assertThat(runtimeService.getVariable(processInstanceId(submission), "supplementText")).isEqualTo("Eerste aanvulling.");
    }

    @Test
    void aWrongTokenGetsTheSameNotFoundPageAndAPostWithoutCsrfTokenIsRefused() {
        Submission submission = waitingForSupplement();
        Page page = open(submission.token());
        String token = submission.token();
        String wrong = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');

        ResponseEntity<String> wrongToken = post(wrong, "Aanvulling.", page);
        ResponseEntity<String> withoutCsrf = post(token, "Aanvulling.", new Page(page.cookie(), "geen-token"));

        assertThat(wrongToken.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongToken.getBody()).contains("Deze pagina bestaat niet");
        assertThat(withoutCsrf.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(waitsForSupplement(submission)).isTrue();
    }

    private Submission waitingForSupplement() {
        Submission submission = cases.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, null,
                "breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "Plantenbak bij de school", "Graag een plantenbak.",
                new BigDecimal("2000"), Urgency.NORMAAL, "Schoolstraat", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), null);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        driver.complete(processInstanceId, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Een tekening van de plek ontbreekt."));
        driver.runMessages(processInstanceId);
        assertThat(waitsForSupplement(submission)).isTrue();
        return submission;
    }

    private boolean waitsForSupplement(Submission submission) {
        return runtimeService.createEventSubscriptionQuery().processInstanceId(processInstanceId(submission))
                .eventName(ResidentRequestProcess.Messages.SUPPLEMENT_RECEIVED).count() == 1;
    }

    private String processInstanceId(Submission submission) {
        return cases.findByToken(submission.token()).orElseThrow().processInstanceId();
    }

    private Page open(String token) {
        ResponseEntity<String> response = http.getForEntity("/status/" + token, String.class);
        Matcher csrf = CSRF.matcher(response.getBody());
        assertThat(csrf.find()).as("the supplement form with its CSRF token").isTrue();
        String cookie = response.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        return new Page(cookie.substring(0, cookie.indexOf(';')), csrf.group(1));
    }

    private String get(String path, Page page) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, page.cookie());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
    }

    private ResponseEntity<String> post(String token, String text) {
        return post(token, text, open(token));
    }

    private ResponseEntity<String> post(String token, String text, Page page) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.cookie());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", page.csrf());
        form.add("supplementText", text);
        return http.withRedirects(Redirects.DONT_FOLLOW)
                .postForEntity("/status/" + token + "/aanvulling", new HttpEntity<>(form, headers), String.class);
    }
}
