package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
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
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.models.ResidentRequestProcess.Penalty;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.TaskDriver;

/**
 * The status page walks a resident through Awb 4:17 over real HTTP: the deadline passes, the page offers the notice
 * of default, the resident sends it, the page says when the penalty starts, then that it runs with the amount so far,
 * and once the decision was sent that it stopped.
 */
@ApplicationTest
class NoticeOfDefaultPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired ApplicationContext context;
    @Autowired ResidentCases cases;
    @Autowired CaseFiles caseFiles;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired TestRestTemplate http;

    record Page(String body, String cookie, String csrf) {
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void deadlinePassed_residentSendsNoticeOfDefault_penaltyRunsWithTheAmountSoFar_untilTheDecisionIsSent() {
        Submission submission = cases.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, null,
                "breukelen", Category.SPELEN_EN_SPORT, "Klimrek in het park", "Graag een klimrek.",
                new BigDecimal("2000"), Urgency.NORMAAL, "Parkweg", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), null);
        new TaskDriver(context).runMessages(cases.findByToken(submission.token()).orElseThrow().processInstanceId());
        LocalDate deadline = caseFiles.find(submission.caseNumber()).orElseThrow().legalDeadline();

        // Before the deadline has passed, the page offers no notice of default.
        at(deadline);
        assertThat(open(submission).body()).doesNotContain("id=\"notice-submit\"", "id=\"penalty\"");

        // The day after: the page explains the notice and offers it.
        LocalDate noticeDay = deadline.plusDays(1);
        at(noticeDay);
        Page page = open(submission);
        assertThat(page.body()).contains("id=\"deadline-passed\"", "id=\"notice-submit\"", "Ingebrekestelling versturen",
                "€ 23 per dag", "artikel 4:17");

        ResponseEntity<String> sent = post(submission, page);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        String confirmed = get(submission, page);
        assertThat(confirmed).contains("id=\"notice-received\"", "Wij hebben uw ingebrekestelling ontvangen op "
                        + DutchFormat.date(noticeDay), ">Ingebrekestelling ontvangen<")
                .doesNotContain("id=\"notice-submit\"");

        // A second notice changes nothing and says why.
        ResponseEntity<String> again = post(submission, page);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("id=\"notice-error\"", "is al een ingebrekestelling ontvangen op");

        // Two weeks (Atw-moved) after the day of receipt, the penalty runs; three days later the page shows 3 x 23.
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(Penalty.KEY)
                .processInstanceBusinessKey(submission.caseNumber()).singleResult().getId();
        Date startsAt = (Date) runtimeService.getVariable(instance, Penalty.PENALTY_STARTS_AT);
        LocalDate dayOne = startsAt.toInstant().atZone(DutchFormat.ZONE).toLocalDate();
        at(dayOne.plusDays(2));
        runDueJobs(instance);
        String running = get(submission, page);
        assertThat(running).contains("De dwangsom loopt sinds " + DutchFormat.date(dayOne), "3 dagen",
                DutchFormat.euro(new BigDecimal("69")), ">Dwangsom loopt<");

        // The decision goes out that day: the penalty stops, the page says what is owed and that it is fixed next.
        caseFiles.recordDecisionSent(submission.caseNumber(), dayOne.plusDays(2), "per e-mail", "test");
        String stopped = get(submission, page);
        assertThat(stopped).contains("De dwangsom is gestopt op " + DutchFormat.date(dayOne.plusDays(2)),
                DutchFormat.euro(new BigDecimal("69")), "vast bij besluit", ">Dwangsom gestopt<");

        // The decision fixing it (Awb 4:18): the page says what will be paid, by when.
        Task fix = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(fix.getName()).isEqualTo("Dwangsom vaststellen");
        taskService.claim(fix.getId(), "wm.breukelen");
        taskService.complete(fix.getId(), Map.of(Penalty.PENALTY_DECISION, "vastgesteld",
                Penalty.PENALTY_MOTIVATION, "Het besluit is drie dagen te laat verzonden."));
        String fixed = get(submission, page);
        assertThat(fixed).contains("besloten de dwangsom vast te stellen op " + DutchFormat.euro(new BigDecimal("69")),
                "aan Fatima de Vries", ">Dwangsom vastgesteld<");
    }

    private void runDueJobs(String processInstanceId) {
        List<Job> due = dueJobs(processInstanceId);
        while (!due.isEmpty()) {
            managementService.executeJob(due.get(0).getId());
            due = dueJobs(processInstanceId);
        }
    }

    private List<Job> dueJobs(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).executable()
                .duedateLowerThan(ClockUtil.getCurrentTime()).list();
    }

    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(10, 0)).atZone(DutchFormat.ZONE).toInstant()));
    }

    private Page open(Submission submission) {
        ResponseEntity<String> response = http.getForEntity("/status/" + submission.token(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Matcher csrf = CSRF.matcher(response.getBody());
        String cookie = response.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        return new Page(response.getBody(), cookie == null ? null : cookie.substring(0, cookie.indexOf(';')),
                csrf.find() ? csrf.group(1) : null);
    }

    private String get(Submission submission, Page page) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, page.cookie());
        return http.exchange("/status/" + submission.token(), HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getBody();
    }

    private ResponseEntity<String> post(Submission submission, Page page) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.cookie());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", page.csrf());
        return http.withRedirects(Redirects.DONT_FOLLOW).postForEntity("/status/" + submission.token()
                + "/ingebrekestelling", new HttpEntity<>(form, headers), String.class);
    }
}
