package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.TaskDriver;

/**
 * A resident who chose post: the decision is taken, the front office finds "Per post verzenden" (and, after two
 * working days, in its filter of letters not sent), prints the letter and completes the task. Only then does the
 * status page show the decision, at the top, with the letter to download and "bezwaar tot en met" the last day
 * counted from the sending date (Awb 6:7/6:8, Algemene termijnenwet).
 */
@ApplicationTest
class DecisionLetterStatusPageTest {

    @Autowired ApplicationContext context;
    @Autowired ResidentCases cases;
    @Autowired RuntimeService runtimeService;
    @Autowired CaseFiles caseFiles;
    @Autowired Letters letters;
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    TaskDriver driver;

    @BeforeEach
    void driver() {
        driver = new TaskDriver(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void byPostTheDecisionShowsOnlyOnceTheFrontOfficePostedItWithTheLetterAndTheLastDayToObject() throws Exception {
        // Thursday 3 December 2026: a small acute request, decided in the fast lane as a partial grant.
        setClock(LocalDateTime.of(2026, 12, 3, 10, 0));
        Submission submission = cases.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                "Buurtgroep Zuid", "maarssen-dorp", Category.EVENEMENT_OF_ACTIVITEIT, "Verkeersbord bij de school",
                "Graag een bord.", new BigDecimal("400"), Urgency.ACUUT, "Schoolstraat", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), null);
        String processInstanceId = cases.findByToken(submission.token()).orElseThrow().processInstanceId();
        driver.runMessages(processInstanceId);
        // What intake asks (issue 15): the postal address and the channel for decisions.
        runtimeService.setVariables(processInstanceId, Map.of("decisionChannel", "post", "postalStreet", "Kerkstraat",
                "postalHouseNumber", "12", "postalCode", "3601 AB", "postalPlace", "Maarssen"));
        driver.complete(processInstanceId, "HandleFastLane", "wm.maarssen-dorp", Map.of("outcome", "gedeeltelijk-toegekend",
                "decidedAmount", 250, "decisionMotivation", "Een bord past, de paal niet."));
        driver.runMessages(processInstanceId);

        String waiting = page(submission);
        assertThat(waiting).contains("id=\"dispatch\"", "Er is een besluit over uw verzoek genomen")
                .doesNotContain("id=\"decision\"", "Gedeeltelijk toegekend", "id=\"deadline\"");
        StoredLetter draft = letters.ofCase(submission.caseNumber()).get(0);
        assertThat(http.getForEntity("/status/" + submission.token() + "/brief/" + draft.id(), byte[].class).getStatusCode())
                .as("no letter for the resident before it was sent").isEqualTo(HttpStatus.NOT_FOUND);

        // The front office sees the task and the print-ready letter; someone unrelated to the case gets neither.
        assertThat(tasks("balie", submission.caseNumber())).singleElement()
                .satisfies(task -> assertThat(task.get("name").asText()).isEqualTo("Per post verzenden"));
        ResponseEntity<byte[]> print = http.withBasicAuth("balie", "demo")
                .getForEntity("/api/letters/" + submission.caseNumber() + "/" + draft.id(), byte[].class);
        assertThat(print.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(print.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(text(print.getBody())).contains("Kerkstraat 12", "3601 AB Maarssen", "gedeeltelijk toegekend");
        assertThat(http.withBasicAuth("adv.sociaal", "demo")
                .getForEntity("/api/letters/" + submission.caseNumber() + "/" + draft.id(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // Friday: within two working days, not in the front office's filter of late letters; Tuesday 8 December it is.
        setClock(LocalDateTime.of(2026, 12, 4, 9, 0));
        assertThat(lateLetters("balie")).doesNotContain(processInstanceId);
        setClock(LocalDateTime.of(2026, 12, 8, 9, 0));
        assertThat(lateLetters("balie")).contains(processInstanceId);

        // Printed and posted on Tuesday 8 December.
        driver.complete(processInstanceId, "SendByPost", "balie", Map.of("letterPosted", true));

        LocalDate sentOn = LocalDate.of(2026, 12, 8);
        assertThat(caseFiles.decisionSentOn(submission.caseNumber())).contains(sentOn);
        LocalDate lastDay = LegalCalendar.ofLaw().objectionTermEnd(sentOn);
        assertThat(lastDay).isEqualTo(LocalDate.of(2027, 1, 19));
        String page = page(submission);
        assertThat(page).contains("id=\"decision-outcome\">Gedeeltelijk toegekend<", "id=\"decision-amount\">€ 250,00<",
                        "id=\"decision-sent-on\">8 december 2026<", "per post", "bezwaar maken tot en met",
                        "id=\"objection-until\">19 januari 2027<", "Een bord past, de paal niet.")
                .doesNotContain("id=\"dispatch\"");
        assertThat(page.indexOf("id=\"decision\"")).as("the decision at the top").isLessThan(page.indexOf("id=\"case-number\""));
        Matcher link = Pattern.compile("href=\"(/status/[^\"]+/brief/\\d+)\"").matcher(page);
        assertThat(link.find()).isTrue();
        ResponseEntity<byte[]> download = http.getForEntity(link.group(1), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(download.getBody())).contains("Datum 8 december 2026", "uiterlijk op 19 januari 2027 zijn ontvangen",
                "Kerkstraat 12", "Wij verlenen u een subsidie van € 250,00", "Daan Dorpsman");
    }

    /** Tasks of the case the user finds over REST. */
    private JsonNode tasks(String user, String caseNumber) throws IOException {
        ResponseEntity<String> response = http.withBasicAuth(user, "demo")
                .getForEntity("/engine-rest/task?processInstanceBusinessKey=" + caseNumber, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    /** The process instances in the front office's filter "Brieven niet binnen 2 werkdagen verzonden". */
    private String lateLetters(String user) throws IOException {
        JsonNode filters = json.readTree(http.withBasicAuth(user, "demo")
                .getForEntity("/engine-rest/filter?resourceType=Task", String.class).getBody());
        String id = null;
        for (JsonNode filter : filters) {
            if ("Brieven niet binnen 2 werkdagen verzonden".equals(filter.get("name").asText())) {
                id = filter.get("id").asText();
            }
        }
        assertThat(id).as("the front office has the filter").isNotNull();
        return http.withBasicAuth(user, "demo").getForEntity("/engine-rest/filter/" + id + "/list", String.class).getBody();
    }

    private String page(Submission submission) {
        ResponseEntity<String> response = http.getForEntity("/status/" + submission.token(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
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
