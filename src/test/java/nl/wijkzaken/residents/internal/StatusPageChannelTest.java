package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.TaskDriver;

/**
 * The status page over HTTP, as a resident on a phone read it: what was asked and "Wat gebeurt er nu?", the decision
 * on top only once it was sent (with the objection term from the sending date), partial grants called partial, the
 * suspension never dated a day early, and the consent for e-mail (Awb 2:8) that the resident can withdraw here.
 */
@ApplicationTest
class StatusPageChannelTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired ApplicationContext context;
    @Autowired ResidentCases cases;
    @Autowired CaseFiles caseFiles;
    @Autowired RuntimeService runtimeService;
    @Autowired LegalCalendar calendar;
    @Autowired TestRestTemplate http;

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
    void theRunningCaseRepeatsWhatWasAskedAndSaysWhatHappensNext() {
        Submission submission = submit(DecisionChannel.POST, "2000");
        driver.runMessages(processInstanceId(submission));

        assertThat(page(submission)).contains("Wat gebeurt er nu?", "Het wijkteam behandelt het",
                "id=\"case-subject\">Groen en openbare ruimte<", "id=\"case-amount\">€ 2.000,00<",
                "id=\"asked-description\">Graag een plantenbak bij de school.<",
                "id=\"delivery-channel\">per post<", "id=\"delivery-address\">Schoolstraat 4a, 3621 AB Breukelen<")
                .doesNotContain("consent-withdraw");
    }

    /** Awb 4:15: the term stands still from the day after the request; asked late on 1 December it is not "sinds 2 december". */
    @Test
    void onTheDayOfTheRequestTheSuspensionStartsTomorrowNotSince() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 12, 1, 23, 30).atZone(DutchFormat.ZONE).toInstant()));
        Submission submission = submit(DecisionChannel.POST, "2000");
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        driver.complete(processInstanceId, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Een tekening ontbreekt."));
        driver.runMessages(processInstanceId);

        String onTheDay = page(submission);
        assertThat(onTheDay).contains("id=\"deadline-requested\">1 december 2026<",
                        "vanaf", "id=\"deadline-paused-since\">2 december 2026<")
                .doesNotContainPattern("sinds\\s*<span id=\"deadline-paused-since\">2 december");

        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 12, 2, 0, 30).atZone(DutchFormat.ZONE).toInstant()));
        assertThat(page(submission)).containsPattern("sinds\\s*<span id=\"deadline-paused-since\">2 december 2026<");
    }

    @Test
    void theDecisionIsShownOnTopOnlyOnceSentAndAPartialGrantIsCalledPartial() {
        // The fast lane, as for an acute traffic matter of € 500 (triage table).
        Submission submission = submit(DecisionChannel.POST, "500", Category.EVENEMENT_OF_ACTIVITEIT, Urgency.ACUUT);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        driver.complete(processInstanceId, "HandleFastLane", "wm.breukelen", Map.of("outcome", "gedeeltelijk-toegekend",
                "decidedAmount", 300, "decisionMotivation", "Eén bak in plaats van twee: de stoep is te smal."));
        driver.runMessages(processInstanceId);

        String taken = page(submission);
        assertThat(taken).contains("id=\"dispatch\"", "U ontvangt de brief met het besluit binnenkort per post")
                .doesNotContain("id=\"decision-outcome\"", "id=\"deadline\"");

        LocalDate sentOn = EngineClock.today();
        caseFiles.recordDecisionSent(submission.caseNumber(), sentOn, "per post", "balie");

        String page = page(submission);
        assertThat(page).contains("id=\"decision-outcome\">Gedeeltelijk toegekend<", "id=\"decision-amount\">€ 300,00<",
                "U vroeg € 500,00. Wij kennen € 300,00 toe; voor het overige wijzen wij uw aanvraag af.",
                "id=\"decision-date\">" + DutchFormat.date(sentOn) + "<",
                "id=\"objection-until\">" + DutchFormat.date(calendar.objectionTermEnd(sentOn)) + "<",
                "Eén bak in plaats van twee")
                .doesNotContain("id=\"dispatch\"");
        assertThat(page.indexOf("id=\"decision\"")).as("the decision above the timeline")
                .isLessThan(page.indexOf("id=\"timeline\"")).isLessThan(page.indexOf("id=\"what-next\""));
    }

    @Test
    void theResidentWithdrawsTheConsentForEmailAndDecisionsGoByPostFromThen() {
        Submission submission = submit(DecisionChannel.EMAIL, "2000");
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        ResponseEntity<String> opened = http.getForEntity("/status/" + submission.token(), String.class);
        assertThat(opened.getBody()).contains("id=\"delivery-channel\">per e-mail<", "id=\"delivery-email\">fatima@example.org<",
                "id=\"delivery-consent\">gegeven op", "via het webformulier", "id=\"consent-withdraw\"");

        ResponseEntity<String> withdrawn = withdraw(submission, opened);
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.FOUND);

        var choice = caseFiles.deliveryChoice(submission.caseNumber()).orElseThrow();
        assertThat(choice.channel()).isEqualTo("post");
        assertThat(choice.emailConsentAt()).as("when it was given stays on record").isNotNull();
        assertThat(choice.emailConsentWithdrawnAt()).isNotNull();
        assertThat(runtimeService.getVariable(processInstanceId, "decisionChannel")).isEqualTo("post");
        assertThat((String) runtimeService.getVariable(processInstanceId, "emailConsentWithdrawnAt"))
                .startsWith(EngineClock.today().toString());
        assertThat(caseFiles.events(submission.caseNumber())).filteredOn(e -> e.type() == CaseEventType.EMAIL_CONSENT_WITHDRAWN)
                .singleElement().satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("bewoner");
                    assertThat(event.detail()).contains("de statuspagina", "ingetrokken", "artikel 2:8 Awb", "per post");
                });
        assertThat(page(submission)).contains("id=\"delivery-channel\">per post<", "id=\"delivery-consent-withdrawn\"")
                .doesNotContain("id=\"consent-withdraw\"", "id=\"delivery-email\"");

        withdraw(submission, opened);
        assertThat(caseFiles.events(submission.caseNumber())).as("withdrawn once")
                .filteredOn(e -> e.type() == CaseEventType.EMAIL_CONSENT_WITHDRAWN).hasSize(1);

        // The auditor's dossier shows the channel and the consent history.
        String dossier = http.withBasicAuth("auditor", "demo")
                .getForEntity("/audit/dossiers/" + submission.caseNumber(), String.class).getBody();
        assertThat(dossier).contains("Verzending van besluiten", "id=\"delivery-channel\">per post<",
                "Schoolstraat 4a, 3621 AB Breukelen", "id=\"delivery-consent-withdrawn\"",
                "Verzending besluiten vastgelegd", "Besluiten per e-mail naar fatima@example.org", "via het webformulier",
                "Toestemming e-mail ingetrokken", "via de statuspagina");
    }

    private ResponseEntity<String> withdraw(Submission submission, ResponseEntity<String> opened) {
        Matcher csrf = CSRF.matcher(opened.getBody());
        assertThat(csrf.find()).isTrue();
        String cookie = opened.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf.group(1));
        return http.withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW).postForEntity(
                "/status/" + submission.token() + "/toestemming-intrekken", new HttpEntity<>(form, headers), String.class);
    }

    private Submission submit(DecisionChannel channel, String amount) {
        return submit(channel, amount, Category.GROEN_EN_OPENBARE_RUIMTE, Urgency.NORMAAL);
    }

    private Submission submit(DecisionChannel channel, String amount, Category category, Urgency urgency) {
        return cases.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, null, "breukelen",
                category, "Plantenbak bij de school", "Graag een plantenbak bij de school.",
                new BigDecimal(amount), urgency, "Schoolstraat", "Schoolstraat", "4a", "3621AB", "Breukelen",
                channel, channel == DecisionChannel.EMAIL, CarriedOutBy.BEWONERS), null);
    }

    private String processInstanceId(Submission submission) {
        return cases.findByToken(submission.token()).orElseThrow().processInstanceId();
    }

    private String page(Submission submission) {
        ResponseEntity<String> response = http.getForEntity("/status/" + submission.token(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
