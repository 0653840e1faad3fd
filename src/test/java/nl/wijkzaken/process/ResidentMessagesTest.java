package nl.wijkzaken.process;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.support.TestAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.TaskDriver;
import nl.wijkzaken.support.TestMailServer;

/**
 * The resident's mails through the real process and a real SMTP server (GreenMail): the texts and links the
 * resident gets, and what happens when the mail server is down.
 */
@ApplicationTest
class ResidentMessagesTest {

    private static final Pattern STATUS_LINK = Pattern.compile("https?://\\S+(/status/[A-Za-z0-9_-]{43})");

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired RequestIntake intake;
    @Autowired CaseFiles caseFiles;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;
    @Autowired ExternalTaskService externalTaskService;
    @Autowired ResidentMessageWorker worker;
    @Autowired ResidentMessages messages;

    TaskDriver driver;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @BeforeEach
    void driver() {
        driver = new TaskDriver(context);
    }

    @Test
    void anOnlineRequestIsAcknowledgedOnceWithTheLinkTheResidentGotAtSubmissionAndItOpensTheStatusPage() throws Exception {
        ResponseEntity<Map> created = http.postForEntity("/api/requests", TestAddress.with(Map.of("applicantName", "Fatima el Amrani",
                "applicantEmail", "fatima@example.org", "neighbourhood", "breukelen", "category", "spelen-en-sport",
                "title", "Nieuwe glijbaan", "description", "De glijbaan is kapot.", "amountRequested", 2500,
                "urgency", "normaal")), Map.class);
        String caseNumber = (String) created.getBody().get("caseNumber");
        String statusUrl = (String) created.getBody().get("statusUrl");
        String processInstanceId = instanceOf(caseNumber);
        assertThat(TestMailServer.mailsAbout(caseNumber)).as("sent by the process step, not at submission").isEmpty();

        driver.runMessages(processInstanceId);

        MimeMessage mail = TestMailServer.awaitMailsAbout(caseNumber, 1).get(0);
        assertThat(mail.getAllRecipients()[0]).hasToString("fatima@example.org");
        assertThat(TestMailServer.subject(mail)).isEqualTo("Wij hebben uw verzoek ontvangen (" + caseNumber + ")");
        String body = TestMailServer.body(mail);
        LocalDate deadline = caseFiles.find(caseNumber).orElseThrow().legalDeadline();
        assertThat(body).contains("Beste Fatima el Amrani", "Nieuwe glijbaan", statusUrl,
                "Team wijk Breukelen behandelt uw verzoek", "uiterlijk " + DutchFormat.date(deadline));
        ResponseEntity<String> page = http.getForEntity(statusPath(body), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(caseNumber, "Nieuwe glijbaan", "Team wijk Breukelen");

        // The case history keeps the text, but the link (the key to the status page) exists only in the mailbox.
        assertThat(messageEvents(caseNumber)).singleElement().asString()
                .contains("ontvangstbevestiging aan fatima@example.org", "Team wijk Breukelen", "[persoonlijke link]")
                .doesNotContain(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM resident_mail WHERE case_number = ? AND mail_values IS NOT NULL")
                .param(caseNumber).query(Integer.class).single()).isZero();
        assertThat(TestMailServer.mailsAbout(caseNumber)).as("exactly once").hasSize(1);
    }

    @Test
    void aRequestRegisteredByStaffAlsoGetsAWorkingStatusLinkInItsAcknowledgement() {
        RegisteredRequest request = submit("balie", Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);

        driver.runMessages(request.processInstanceId());

        String body = TestMailServer.body(TestMailServer.awaitMailsAbout(request.caseNumber(), 1).get(0));
        ResponseEntity<String> page = http.getForEntity(statusPath(body), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(request.caseNumber(), "In behandeling");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM resident_access WHERE case_number = ?").param(request.caseNumber())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void eachRequestForASupplementIsMailedWithItsRepairTermAndTheDecisionWithAmountMotivationAndObjectionClause() {
        RegisteredRequest request = submit("online", Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        String id = request.processInstanceId();
        driver.runMessages(id);

        askSupplement(id, "Een foto van de plek ontbreekt.");
        supplement(request, "Hier is de foto.");
        askSupplement(id, "De foto is onscherp; stuur een nieuwe.");
        supplement(request, "Een scherpere foto.");

        List<MimeMessage> asked = TestMailServer.awaitMailsAbout(request.caseNumber(), 3).stream()
                .filter(m -> TestMailServer.subject(m).startsWith("Wij hebben meer informatie nodig")).toList();
        assertThat(asked).hasSize(2);
        String repairTerm = DutchFormat.date(nl.wijkzaken.deadline.LegalCalendar.ofLaw().termEnd(EngineClock.today().plusDays(14)));
        assertThat(TestMailServer.body(asked.get(0))).contains("Een foto van de plek ontbreekt.",
                "uiterlijk " + repairTerm + " aanvullen", "beslistermijn stil", "artikel 4:5");
        assertThat(TestMailServer.body(asked.get(1))).contains("De foto is onscherp; stuur een nieuwe.");
        assertThat(jdbc.sql("SELECT message_id FROM resident_mail WHERE case_number = ? AND message_type = 'AANVULLING_GEVRAAGD'")
                .param(request.caseNumber()).query(String.class).list())
                .containsExactlyInAnyOrder(request.caseNumber() + "/aanvulling-gevraagd",
                        request.caseNumber() + "/aanvulling-gevraagd/2");

        driver.complete(id, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "compleet",
                "completenessMotivation", "Nu compleet."));
        driver.complete(id, "GiveAdvice", "advies-fysiek", "adv.fysiek", Map.of("adviceOutcome", "positief",
                "adviceMotivation", "Goed plan."));
        driver.complete(id, "Decide", "wm.breukelen", Map.of("outcome", "gedeeltelijk-toegekend",
                "decidedAmount", 1500, "decisionMotivation", "Het onderhoud van de plantenbak betaalt de gemeente niet."));
        driver.runMessages(id);

        MimeMessage decision = TestMailServer.awaitMailsAbout(request.caseNumber(), 4).stream()
                .filter(m -> TestMailServer.subject(m).equals("Besluit op uw verzoek (" + request.caseNumber() + ")"))
                .findFirst().orElseThrow();
        assertThat(TestMailServer.body(decision)).contains("Besluit: uw verzoek is gedeeltelijk toegekend.",
                "Toegekend bedrag: € 1.500,00", "Het onderhoud van de plantenbak betaalt de gemeente niet.",
                "binnen 6 weken", "bezwaar", "zaaknummer " + request.caseNumber());
        assertThat(TestMailServer.mailsAbout(request.caseNumber())).as("acknowledgement, 2 requests, decision").hasSize(4);
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().status()).isEqualTo(CaseStatus.AFGEHANDELD);
    }

    @Test
    void aNoticeOfExtensionNamesTheNewDeadlineAndTheReason() {
        RegisteredRequest request = submit("online", Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        driver.runMessages(request.processInstanceId());
        LocalDate counted = caseFiles.deadline(request.caseNumber()).orElseThrow().countedDeadline();
        managementService.executeJob(timer(request, "ReminderTimer").getId());

        driver.complete(request.processInstanceId(), "DeadlineApproaching", "wm.breukelen",
                Map.of("extendDeadline", true, "extensionReason", "Het advies van de provincie is nodig.", "extensionDays", 28));
        driver.runMessages(request.processInstanceId());

        MimeMessage notice = TestMailServer.awaitMailsAbout(request.caseNumber(), 2).get(1);
        assertThat(TestMailServer.subject(notice)).startsWith("Wij hebben meer tijd nodig");
        assertThat(TestMailServer.body(notice)).contains("uiterlijk " + DutchFormat.date(nl.wijkzaken.deadline.LegalCalendar.ofLaw().termEnd(counted.plusDays(28))),
                "De reden: Het advies van de provincie is nodig.", "4:14");
    }

    @Test
    void aRequestLeftIncompleteIsClosedWithAMailCitingArticle45() {
        RegisteredRequest request = submit("online", Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        driver.runMessages(request.processInstanceId());
        askSupplement(request.processInstanceId(), "Begroting ontbreekt.");

        managementService.executeJob(timer(request, "RepairTermLapsed").getId());
        // Awb 4:5: a person decides to leave it unhandled, with reasons the resident reads.
        driver.complete(request.processInstanceId(), "DecideNotHandled", "wm.breukelen", Map.of("notHandledDecision",
                "buiten-behandeling", "notHandledMotivation", "Zonder begroting kunnen wij het verzoek niet beoordelen."));
        driver.runMessages(request.processInstanceId());

        MimeMessage closed = TestMailServer.awaitMailsAbout(request.caseNumber(), 3).get(2);
        assertThat(TestMailServer.subject(closed)).startsWith("Uw verzoek is buiten behandeling gesteld");
        assertThat(TestMailServer.body(closed)).contains("Begroting ontbreekt.", "artikel 4:5", "binnen 6 weken", "bezwaar",
                "uiterlijk " + DutchFormat.date(nl.wijkzaken.deadline.LegalCalendar.ofLaw().termEnd(EngineClock.today().plusDays(14))),
                "Zonder begroting kunnen wij het verzoek niet beoordelen.");
    }

    @Test
    void whenTheMailServerIsDownTheDecisionStandsTheStepBecomesAnIncidentAndTheAdministratorsRetryMailsExactlyOnce() {
        RegisteredRequest request = submit("online", Category.OVERIG, "100", Urgency.NORMAAL);
        String id = request.processInstanceId();
        driver.runMessages(id);
        driver.complete(id, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "doorsturen",
                "competentBody", "Gedeputeerde Staten van Utrecht", "completenessMotivation", "Dit is een zaak van de provincie."));
        TestMailServer.stop();

        // The worker tries, the step waits 5 minutes (wijkzaken.mail.worker.retry-timeout) before each retry; after the first try and 5 retries: incident.
        int attempts = 0;
        ExternalTask step = messageStep(id);
        while (step.getRetries() == null || step.getRetries() > 0) {
            assertThat(worker.sendDue(request.caseNumber())).isEqualTo(1);
            attempts++;
            assertThat(worker.sendDue(request.caseNumber())).as("waits for its retry time").isZero();
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(5).plusSeconds(1).toMillis()));
            step = messageStep(id);
        }
        assertThat(attempts).isEqualTo(1 + ResidentMessageWorker.RETRIES);

        // What an administrator sees in Cockpit: an incident on the message step, with the mail server's error.
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(id).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.EXTERNAL_TASK_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("SendOutcome");
        assertThat(incident.getIncidentMessage()).startsWith("E-mail aan bewoner niet verstuurd").contains("Mail server connection failed");
        // The case was not rolled back: the outcome stands, the process waits at the message step.
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().status()).isEqualTo(CaseStatus.DOORGEZONDEN);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()).isNotNull();
        String messageId = request.caseNumber() + "/doorgezonden";
        assertThat(jdbc.sql("SELECT attempts FROM resident_mail WHERE message_id = ?").param(messageId)
                .query(Integer.class).single()).as("every attempt used the same message id").isEqualTo(attempts);

        // The administrator's "retry" in Cockpit gives the step its retries back.
        TestMailServer.start();
        externalTaskService.setRetries(messageStep(id).getId(), 1);
        assertThat(worker.sendDue(request.caseNumber())).isEqualTo(1);

        List<MimeMessage> mails = TestMailServer.awaitMailsAbout(request.caseNumber(), 1);
        assertThat(mails).hasSize(1);
        assertThat(TestMailServer.body(mails.get(0))).contains("Dit is een zaak van de provincie.", "Gedeputeerde Staten van Utrecht");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(id).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().status()).isEqualTo(CaseStatus.AFGEHANDELD);
        assertThat(messageEvents(request.caseNumber())).filteredOn(detail -> detail.startsWith("doorgezonden")).hasSize(1);
        assertThat(TestMailServer.mailsAbout(request.caseNumber())).as("exactly once").hasSize(1);
    }

    @Test
    void aStepWhoseMailWentOutButThatWasNotCompletedIsCompletedWithoutMailingAgainUnderTheSameMessageId() throws Exception {
        RegisteredRequest request = submit("online", Category.OVERIG, "100", Urgency.NORMAAL);
        String id = request.processInstanceId();
        // What the worker does before it completes the step: the mail goes out and is recorded as sent. Then the
        // node "crashes": the step is not completed and is fetched again once its lock expires.
        ExternalTask step = messageStep(id);
        messages.send(runtimeService.getVariables(step.getExecutionId()));
        assertThat(TestMailServer.awaitMailsAbout(request.caseNumber(), 1)).hasSize(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()).isNotNull();
        assertThat(messageStep(id)).isNotNull();

        assertThat(worker.sendDue(request.caseNumber())).isEqualTo(1);

        assertThat(messageStep(id)).as("the step is done").isNull();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("CheckCompleteness")
                .count()).as("the case went on").isEqualTo(1);
        Thread.sleep(300);
        List<MimeMessage> mails = TestMailServer.mailsAbout(request.caseNumber());
        assertThat(mails).as("not mailed again").hasSize(1);
        assertThat(mails.get(0).getHeader("Message-ID")).containsExactly(
                "<" + request.caseNumber() + ".ontvangstbevestiging@wijkzaken.example>");
        assertThat(messageEvents(request.caseNumber())).filteredOn(detail -> detail.startsWith("ontvangstbevestiging")).hasSize(1);
    }

    private ExternalTask messageStep(String processInstanceId) {
        return externalTaskService.createExternalTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private RegisteredRequest submit(String channel, Category category, String amount, Urgency urgency) {
        return intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, null, "breukelen",
                category, "Plantenbak " + category.label(), "Graag een plantenbak.", new BigDecimal(amount), urgency,
                "Straatweg 1", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), channel);
    }

    private void askSupplement(String processInstanceId, String missing) {
        driver.complete(processInstanceId, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", missing));
        driver.runMessages(processInstanceId);
    }

    private void supplement(RegisteredRequest request, String text) {
        runtimeService.createMessageCorrelation("aanvulling-ontvangen").processInstanceBusinessKey(request.caseNumber())
                .setVariable("supplementText", text).correlate();
    }

    private String instanceOf(String caseNumber) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private Job timer(RegisteredRequest request, String activityId) {
        return managementService.createJobQuery().processInstanceId(request.processInstanceId()).activityId(activityId)
                .singleResult();
    }

    private List<String> messageEvents(String caseNumber) {
        return caseFiles.events(caseNumber).stream().filter(e -> e.type().equals(CaseEventType.MESSAGE_SENT))
                .map(CaseEvent::detail).toList();
    }

    private static String statusPath(String mailBody) {
        Matcher link = STATUS_LINK.matcher(mailBody);
        assertThat(link.find()).as("a status link in\n%s", mailBody).isTrue();
        return link.group(1);
    }
}
