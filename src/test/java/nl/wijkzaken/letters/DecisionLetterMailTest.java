package nl.wijkzaken.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.process.ResidentMessageWorker;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.DecisionSteps;
import nl.wijkzaken.support.TestMailServer;

/**
 * A resident who chose e-mail gets the decision letter as PDF attachment of the decision mail: exactly once, also
 * when the mail server is down when the decision is taken and up the next day. The sending date is the day the mail
 * server accepted the mail; the letter is dated that day and its objection term counts from it.
 */
@ApplicationTest
class DecisionLetterMailTest {

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired CaseFiles caseFiles;
    @Autowired Letters letters;
    @Autowired ResidentMessageWorker worker;

    @AfterEach
    void resetClockAndMailServer() {
        ClockUtil.reset();
        TestMailServer.start();
    }

    @Test
    void theLetterGoesAsPdfAttachmentExactlyOnceDatedTheDayTheMailServerTookIt() throws Exception {
        setClock(LocalDateTime.of(2026, 12, 3, 10, 0));
        DecisionSteps steps = new DecisionSteps(context);
        RegisteredRequest request = steps.toFastLane("loenen", "300");
        runtimeService.setVariable(request.processInstanceId(), "decisionChannel", "e-mail");

        // Decided on Thursday 3 December while the mail server is down: the step fails and waits for its retry.
        TestMailServer.stop();
        steps.complete(request, "HandleFastLane", DecisionSteps.owner("loenen"),
                Map.of("outcome", "toegekend", "decisionMotivation", "Het bord wordt geplaatst."));
        assertThat(caseFiles.decisionSentOn(request.caseNumber())).as("not sent while the mail server is down").isEmpty();
        assertThat(letters.ofCase(request.caseNumber())).singleElement().satisfies(letter -> assertThat(letter.sent()).isFalse());

        // Friday 4 December: the mail server is back, the retry sends it.
        setClock(LocalDateTime.of(2026, 12, 4, 9, 0));
        TestMailServer.start();
        steps.runMessages(request);
        steps.runMessages(request);
        assertThat(worker.sendDue(request.caseNumber())).isZero();

        List<MimeMessage> withLetter = TestMailServer.mailsAbout(request.caseNumber()).stream()
                .filter(mail -> !TestMailServer.attachments(mail).isEmpty()).toList();
        assertThat(withLetter).as("the decision mail with its letter, exactly once").hasSize(1);
        MimeMessage mail = withLetter.get(0);
        assertThat(TestMailServer.body(mail)).contains("De brief met ons besluit zit als PDF in de bijlage");
        Map<String, byte[]> files = TestMailServer.attachments(mail);
        assertThat(files).containsOnlyKeys(request.caseNumber() + "-toekenning.pdf");
        String text = text(files.values().iterator().next());
        LocalDate sentOn = LocalDate.of(2026, 12, 4);
        assertThat(text).contains("Datum 4 december 2026", "Zaaknummer " + request.caseNumber(),
                "Wij verlenen u een subsidie van € 300,00",
                "uiterlijk op " + DutchFormat.date(LegalCalendar().objectionTermEnd(sentOn)) + " zijn ontvangen",
                "namens het college van burgemeester en wethouders", "Lotte Loenhout", "Wijkmanager");

        assertThat(caseFiles.decisionSentOn(request.caseNumber())).contains(sentOn);
        assertThat(caseFiles.events(request.caseNumber())).filteredOn(event -> event.type() == CaseEventType.DECISION_SENT)
                .singleElement().satisfies(event -> assertThat(event.detail()).contains("per e-mail"));
        StoredLetter stored = letters.ofCase(request.caseNumber()).get(0);
        assertThat(stored.sentOn()).isEqualTo(sentOn);
        assertThat(stored.channel()).isEqualTo(Letters.EMAIL);
        assertThat(text(letters.pdf(request.caseNumber(), stored.id()).orElseThrow()))
                .as("what is stored is what the resident got").isEqualTo(text);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).count())
                .as("the case is closed").isZero();
    }

    private static nl.wijkzaken.deadline.LegalCalendar LegalCalendar() {
        return nl.wijkzaken.deadline.LegalCalendar.ofLaw();
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
