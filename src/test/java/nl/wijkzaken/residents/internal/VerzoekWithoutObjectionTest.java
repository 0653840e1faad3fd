package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.letters.LetterKind;
import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.TaskDriver;
import nl.wijkzaken.support.TestMailServer;

/**
 * A request for the municipality to act (route verzoek, LEGAL.md 1) is answered with a reasoned letter that is no
 * decision (Awb 1:3): the objection clause (3:45) and the penalty for late decisions (4:17) have no place anywhere
 * the resident or the auditor reads about it: not in the mail (GreenMail), the letter (its PDF text), the resident's
 * status page or the auditor's dossier.
 */
@ApplicationTest
class VerzoekWithoutObjectionTest {

    /** What an objection clause or a penalty text would contain. */
    private static final List<String> DECISION_WORDS = List.of("bezwaar", "dwangsom", "ingebrekestelling");

    @Autowired ApplicationContext context;
    @Autowired ResidentCases cases;
    @Autowired RuntimeService runtimeService;
    @Autowired CaseFiles caseFiles;
    @Autowired Letters letters;
    @Autowired TestRestTemplate http;

    @Test
    void aVerzoekNeverGetsAnObjectionClauseOrAPenaltyTextInMailLetterStatusPageOrDossier() throws Exception {
        // A zebra crossing the municipality is asked to build ("Wie voert het uit?": de gemeente): route verzoek.
        Submission submission = cases.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                "Buurtgroep Zuid", "maarssen-dorp", Category.VERKEER_EN_PARKEREN, "Zebrapad bij de school",
                "Kan er een zebrapad komen voor de ingang van de basisschool?", new BigDecimal("0"), Urgency.NORMAAL,
                "Schoolstraat", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true,
                nl.wijkzaken.intake.CarriedOutBy.GEMEENTE), null);
        String processInstanceId = cases.findByToken(submission.token()).orElseThrow().processInstanceId();
        TaskDriver driver = new TaskDriver(context);
        driver.runMessages(processInstanceId);
        assertThat(runtimeService.getVariable(processInstanceId, "route")).isEqualTo("verzoek");

        driver.complete(processInstanceId, "CheckCompleteness", "wm.maarssen-dorp",
                Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        driver.complete(processInstanceId, "GiveAdvice", "advies-fysiek", "adv.fysiek",
                Map.of("adviceOutcome", "positief", "adviceMotivation", "De oversteek is druk; een zebrapad kan."));
        driver.complete(processInstanceId, "GiveAdvice", "advies-veiligheid", "adv.veiligheid",
                Map.of("adviceOutcome", "positief", "adviceMotivation", "Veiliger voor de kinderen."));
        String planned = EngineClock.today().plusDays(60).toString();
        driver.complete(processInstanceId, "AnswerRequest", "wm.maarssen-dorp", Map.of("answer", "anders-uitvoeren",
                "answerMotivation", "Een zebrapad op deze plek mag niet zo dicht bij de bocht; een verkeersdrempel met "
                        + "borden maakt de oversteek even veilig.",
                "answerWhat", "Wij leggen een verkeersdrempel aan met waarschuwingsborden voor de school.",
                "answerPlannedOn", planned));
        driver.runMessages(processInstanceId);

        assertThat(caseFiles.find(submission.caseNumber()).orElseThrow().outcome()).isEqualTo(Outcome.ANDERS_UITVOEREN);

        // The mail, with the letter attached.
        List<MimeMessage> mails = TestMailServer.mailsAbout(submission.caseNumber());
        MimeMessage answer = mails.stream().filter(mail -> !TestMailServer.attachments(mail).isEmpty()).findFirst().orElseThrow();
        String body = TestMailServer.body(answer);
        assertThat(TestMailServer.subject(answer)).startsWith("Antwoord op uw verzoek");
        assertThat(body).contains("Ons antwoord: Wordt anders uitgevoerd.", "verkeersdrempel",
                DutchFormat.date(EngineClock.today().plusDays(60)));
        for (MimeMessage mail : mails) {
            assertNoDecisionWords("mail " + TestMailServer.subject(mail), TestMailServer.subject(mail) + TestMailServer.body(mail));
        }

        // The letter: as attached and as stored.
        Map<String, byte[]> attached = TestMailServer.attachments(answer);
        assertThat(attached).containsOnlyKeys(submission.caseNumber() + "-antwoord.pdf");
        String letter = text(attached.values().iterator().next());
        assertThat(letter).contains("Antwoord op uw verzoek", "Kan er een zebrapad komen", "Wordt anders uitgevoerd.",
                "Wij leggen een verkeersdrempel aan");
        assertNoDecisionWords("letter", letter);
        StoredLetter stored = letters.ofCase(submission.caseNumber()).get(0);
        assertThat(stored.kind()).isEqualTo(LetterKind.ANTWOORD);
        assertThat(stored.sent()).isTrue();

        // The resident's status page.
        ResponseEntity<String> page = http.getForEntity("/status/" + submission.token(), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Wordt anders uitgevoerd", "Ons antwoord", "verkeersdrempel", "geen besluit")
                .doesNotContain("id=\"objection\"", "id=\"penalty\"");
        assertNoDecisionWords("status page", page.getBody());

        // The auditor's dossier: the page and the JSON export.
        for (String path : List.of("/audit/dossiers/", "/api/dossiers/")) {
            ResponseEntity<String> dossier = http.withBasicAuth("auditor", "demo")
                    .getForEntity(path + submission.caseNumber(), String.class);
            assertThat(dossier.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(dossier.getBody()).as(path).contains("Verzoek beantwoord", "Antwoord verzonden per e-mail");
            assertNoDecisionWords("dossier " + path, dossier.getBody());
        }
    }

    private static void assertNoDecisionWords(String where, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : DECISION_WORDS) {
            int at = lower.indexOf(word);
            assertThat(at).as(where + " mentions '" + word + "': …"
                    + (at < 0 ? "" : text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 80))) + "…")
                    .isNegative();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }
}
