package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import nl.wijkzaken.audit.DossierEntry.Kind;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;

/**
 * The dossier of a real resident-request, driven the long way: incomplete, supplemented, two advices (one
 * negative), deliberation, a decision co-signed by the wethouder. Each step is a minute apart on the engine's
 * clock so that the order in the dossier is the order in which things happened.
 */
@SpringBootTest
class CaseDossiersTest {

    @Autowired CaseDossiers dossiers;
    @Autowired RequestIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;

    private Instant clock = Instant.now();
    private String processInstanceId;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDossierTellsTheWholeStoryInOrderWithActorsRulesAndDeadlines() {
        RegisteredRequest request = submit();
        complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Een tekening van de plek ontbreekt."));
        runMessages();
        tick(Duration.ofDays(3));
        runtimeService.createMessageCorrelation("aanvulling-ontvangen")
                .processInstanceBusinessKey(request.caseNumber()).correlate();
        tick(Duration.ofMinutes(1));
        complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Nu compleet."));
        advise("advies-fysiek", "adv.fysiek", "negatief");
        advise("advies-sociaal", "adv.sociaal", "positief");
        complete("Deliberate", "wm.breukelen", Map.of("deliberationDate", "2026-11-20",
                "participants", "Bewoners, adv.fysiek, adv.sociaal", "positions", "Verschillend",
                "agreementReached", true, "agreedMeasures", "Kleiner speeltoestel", "revisedAmount", 11000));
        complete("Decide", "gebiedsmanager", Map.of("outcome", "toegekend", "decisionMotivation", "Past in het wijkplan."));
        complete("CoSignDecision", "wethouder", Map.of("coSignAgreed", true));
        runMessages();

        CaseDossier dossier = dossiers.find(request.caseNumber()).orElseThrow();

        assertThat(dossier.state()).isEqualTo("COMPLETED");
        List<DossierEntry> timeline = dossier.timeline();
        assertThat(timeline).extracting(DossierEntry::at).isSorted();
        assertInOrder(timeline,
                completed("Volledigheid beoordelen", "wm.breukelen"),
                e -> e.kind() == Kind.DEADLINE && e.summary().contains("opgeschort"),
                e -> e.kind() == Kind.DEADLINE && e.details().containsKey("deadlineBefore")
                        && !e.details().get("deadlineBefore").equals(e.details().get("deadlineAfter")),
                completed("Volledigheid beoordelen", "wm.breukelen"),
                completed("Advies geven", "adv.fysiek"),
                completed("Gezamenlijk overleg", "wm.breukelen"),
                completed("Besluit nemen", "gebiedsmanager"),
                completed("Besluit medeondertekenen", "wethouder"),
                e -> e.kind() == Kind.CASE_ENDED);
        assertThat(timeline).anyMatch(completed("Advies geven", "adv.sociaal"));
        assertThat(timeline).anyMatch(e -> e.kind() == Kind.VARIABLE_CHANGED && "wm.breukelen".equals(e.actor())
                && "completeness".equals(e.details().get("variable")) && "compleet".equals(e.details().get("newValue"))
                && "incompleet".equals(e.details().get("oldValue")));

        List<DossierEntry> decisions = timeline.stream().filter(e -> e.kind() == Kind.DECISION).toList();
        assertThat(decisions).extracting(e -> e.details().get("decisionKey"))
                .contains("case-owner", "triage", "terms", "advice-assignment", "deliberation-needed", "decision-mandate");
        assertThat(decisions).allSatisfy(e -> assertThat((List<?>) e.details().get("matchedRules")).isNotEmpty());
        assertThat(decisions).filteredOn(e -> "case-owner".equals(e.details().get("decisionKey"))).first()
                .satisfies(e -> assertThat(e.summary()).contains("owner-breukelen"));
        assertThat(dossier.models()).extracting(CaseDossier.ModelVersion::key)
                .contains("resident-request", "case-owner", "decision-mandate");
    }

    @Test
    void theDossierOfARunningCaseIsCorrectSoFar() {
        RegisteredRequest request = submit();

        CaseDossier dossier = dossiers.find(request.caseNumber()).orElseThrow();

        assertThat(dossier.state()).isEqualTo("ACTIVE");
        assertThat(dossier.timeline()).anyMatch(e -> e.kind() == Kind.CASE_STARTED)
                .anyMatch(e -> e.kind() == Kind.TASK_CREATED && e.summary().contains("Volledigheid beoordelen")
                        && e.summary().contains("wijkmanager-breukelen"))
                .noneMatch(e -> e.kind() == Kind.CASE_ENDED)
                .noneMatch(e -> e.kind() == Kind.TASK_COMPLETED);
    }

    private RegisteredRequest submit() {
        ClockUtil.setCurrentTime(Date.from(clock));
        RegisteredRequest request = intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                null, "breukelen", Category.SPELEN_EN_SPORT, "Speeltoestel in het park", "Graag een klimrek.",
                new BigDecimal("12000"), Urgency.NORMAAL, "Parkweg"), "balie");
        processInstanceId = request.processInstanceId();
        tick(Duration.ofMinutes(1));
        runMessages();
        return request;
    }

    private void advise(String group, String user, String outcome) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("GiveAdvice")
                .taskCandidateGroup(group).singleResult();
        completeAs(task, user, new HashMap<>(Map.of("adviceOutcome", outcome, "adviceMotivation", "Onderbouwing " + user)));
    }

    private void complete(String taskKey, String user, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .active().singleResult();
        completeAs(task, user, variables);
    }

    /** As Tasklist does it: the user is logged in, claims, submits the form. */
    private void completeAs(Task task, String user, Map<String, Object> variables) {
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId()).toList());
        try {
            taskService.claim(task.getId(), user);
            tick(Duration.ofMinutes(1));
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        tick(Duration.ofMinutes(1));
    }

    private void runMessages() {
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages().list()).isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
            tick(Duration.ofSeconds(10));
        }
    }

    private void tick(Duration duration) {
        clock = clock.plus(duration);
        ClockUtil.setCurrentTime(Date.from(clock));
    }

    private static Predicate<DossierEntry> completed(String taskName, String user) {
        return e -> e.kind() == Kind.TASK_COMPLETED && e.summary().contains(taskName) && user.equals(e.actor());
    }

    @SafeVarargs
    private static void assertInOrder(List<DossierEntry> timeline, Predicate<DossierEntry>... steps) {
        int position = 0;
        for (int step = 0; step < steps.length; step++) {
            int found = -1;
            for (int i = position; i < timeline.size(); i++) {
                if (steps[step].test(timeline.get(i))) {
                    found = i;
                    break;
                }
            }
            assertThat(found).as("step %d of the story, after entry %d of %s", step + 1, position, timeline).isNotNegative();
            position = found + 1;
        }
    }
}
