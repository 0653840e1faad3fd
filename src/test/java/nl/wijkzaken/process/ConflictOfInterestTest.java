package nl.wijkzaken.process;

import nl.wijkzaken.support.StaffApi.Reply;
import static nl.wijkzaken.support.StaffApi.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.WebappSession;

/**
 * Segregation of duties over HTTP, as staff meet it: whoever advised on a case cannot take or co-sign its decision,
 * and the co-signer is not the decider, through the REST API and through Tasklist's API, each time with a 403 and
 * the rule in Dutch. The people here hold two roles, which is exactly when the rule matters.
 */
@ApplicationTest
class ConflictOfInterestTest {

    /** A gebiedsmanager who also advises for the physical domain. */
    private static final String MANAGER_AND_ADVISER = "gm.adviseur";
    /** A gebiedsmanager who is also (acting) wethouder. */
    private static final String MANAGER_AND_ALDERMAN = "gm.wethouder";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RequestIntake intake;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;

    private Cases cases;

    @BeforeEach
    void usersWithTwoRoles() {
        cases = new Cases(context);
        user(MANAGER_AND_ADVISER, List.of("gebiedsmanager", "advies-fysiek"));
        user(MANAGER_AND_ALDERMAN, List.of("gebiedsmanager", "wethouder"));
    }

    @Test
    void whoAdvisedCannotClaimOrCompleteTheDecisionOverRest() {
        String instance = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000").processInstanceId();
        work("wm.loenen", task(instance, "CheckCompleteness"), variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        work(MANAGER_AND_ADVISER, task(instance, "GiveAdvice"), variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        Task decide = task(instance, "Decide");
        StaffApi adviser = StaffApi.as(MANAGER_AND_ADVISER, port);
        String rule = MANAGER_AND_ADVISER + " heeft over deze zaak geadviseerd en mag er daarom niet over beslissen.";

        Reply claim = adviser.post("/engine-rest/task/" + decide.getId() + "/claim", Map.of("userId", MANAGER_AND_ADVISER));
        Reply submitUnclaimed = adviser.post("/engine-rest/task/" + decide.getId() + "/submit-form",
                variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));
        // A colleague cannot hand it to him either.
        Reply assigned = StaffApi.as("gebiedsmanager", port).post("/engine-rest/task/" + decide.getId() + "/claim",
                Map.of("userId", MANAGER_AND_ADVISER));

        assertThat(List.of(claim, submitUnclaimed, assigned)).allSatisfy(reply ->
                assertThat(reply.status()).as(reply.toString()).isEqualTo(403));
        assertThat(claim.message()).isEqualTo(rule);
        // A decision is completed only by whoever claimed it, and one claims only for oneself.
        assertThat(submitUnclaimed.message()).isEqualTo("Claim de taak ‘Besluit nemen’ eerst: alleen wie de taak heeft geclaimd, kan haar afronden.");
        assertThat(assigned.message()).isEqualTo("U kunt een taak alleen voor uzelf claimen.");
        assertThat(taskService.createTaskQuery().taskId(decide.getId()).singleResult().getAssignee()).isNull();
        work("gebiedsmanager", decide, variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));
    }

    @Test
    void whoAdvisedCannotClaimTheDecisionInTasklistEither() {
        String instance = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000").processInstanceId();
        work("wm.loenen", task(instance, "CheckCompleteness"), variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        work(MANAGER_AND_ADVISER, task(instance, "GiveAdvice"), variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        Task decide = task(instance, "Decide");
        WebappSession tasklist = new WebappSession(port);
        tasklist.open();
        assertThat(tasklist.login(MANAGER_AND_ADVISER, "tasklist", true).statusCode()).isEqualTo(200);

        HttpResponse<String> claim = tasklist.postJson("/api/engine/engine/default/task/" + decide.getId() + "/claim",
                "{\"userId\":\"" + MANAGER_AND_ADVISER + "\"}", true);

        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(claim.body()).contains("heeft over deze zaak geadviseerd en mag er daarom niet over beslissen.")
                .doesNotContain("ENGINE-");
        assertThat(taskService.createTaskQuery().taskId(decide.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void theDeciderCannotCoSignHisOwnDecision() {
        String instance = cases.start("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "12000").processInstanceId();
        work("wm.breukelen", task(instance, "CheckCompleteness"), variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        work("adv.fysiek", task(instance, "GiveAdvice"), variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        work(MANAGER_AND_ALDERMAN, task(instance, "Decide"), variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));
        Task coSign = task(instance, "CoSignDecision");
        StaffApi decider = StaffApi.as(MANAGER_AND_ALDERMAN, port);

        Reply claim = decider.post("/engine-rest/task/" + coSign.getId() + "/claim", Map.of("userId", MANAGER_AND_ALDERMAN));
        Reply submit = decider.post("/engine-rest/task/" + coSign.getId() + "/submit-form", variables("coSignDecision", "akkoord"));

        assertThat(List.of(claim, submit)).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(403));
        assertThat(claim.message())
                .isEqualTo("Medeondertekenen moet iemand anders doen dan " + MANAGER_AND_ALDERMAN + ", die het besluit nam.");
        assertThat(submit.message()).startsWith("Claim de taak ‘Besluit medeondertekenen’ eerst");
        assertThat(taskService.createTaskQuery().taskId(coSign.getId()).singleResult().getAssignee()).isNull();
        work("wethouder", coSign, variables("coSignDecision", "akkoord"));
    }

    // --- issue 12, finding 2: the four ways around the rule -------------------------------------------------------

    @Test
    void aClaimedDecisionIsCompletedOnlyByItsAssignee() {
        String instance = toDecision("loenen", "5000", MANAGER_AND_ADVISER);
        Task decide = task(instance, "Decide");
        claim("gebiedsmanager", decide);

        Reply submit = StaffApi.as(MANAGER_AND_ADVISER, port).post("/engine-rest/task/" + decide.getId() + "/submit-form",
                variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));
        Reply complete = StaffApi.as(MANAGER_AND_ADVISER, port).post("/engine-rest/task/" + decide.getId() + "/complete",
                variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));

        assertThat(List.of(submit, complete)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.message()).isEqualTo("De taak ‘Besluit nemen’ is geclaimd door gebiedsmanager; alleen die kan haar afronden.");
        });
        assertThat(task(instance, "Decide").getAssignee()).isEqualTo("gebiedsmanager");
        assertThat(runtimeService.getVariable(instance, "outcome")).isNull();
        assertThat(decidedBy(instance)).isNull();

        submit("gebiedsmanager", task(instance, "Decide"), variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));
        assertThat(decidedBy(instance)).isEqualTo("gebiedsmanager");
    }

    @Test
    void whoAdvisedCannotDecideWithoutClaimingNorByEmptyingTheAdvisers() {
        String instance = toDecision("loenen", "5000", MANAGER_AND_ADVISER);
        Task decide = task(instance, "Decide");
        StaffApi adviser = StaffApi.as(MANAGER_AND_ADVISER, port);
        Map<String, Object> sent = new java.util.LinkedHashMap<>();
        sent.put("outcome", Map.of("value", "toegekend"));
        sent.put("decisionMotivation", Map.of("value", "Akkoord."));
        sent.put("advisers", new java.util.HashMap<>(java.util.Collections.singletonMap("value", null)));

        Reply unclaimed = adviser.post("/engine-rest/task/" + decide.getId() + "/complete", Map.of("variables", sent));
        assertThat(unclaimed.status()).as(unclaimed.toString()).isEqualTo(403);
        assertThat(unclaimed.message()).startsWith("Claim de taak ‘Besluit nemen’ eerst");

        // Even if the variable were emptied through another door, the rule reads who advised from the task history.
        runtimeService.setVariable(instance, "advisers", new java.util.ArrayList<String>());
        Reply claim = adviser.post("/engine-rest/task/" + decide.getId() + "/claim", Map.of("userId", MANAGER_AND_ADVISER));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
        assertThat(claim.message()).isEqualTo(MANAGER_AND_ADVISER + " heeft over deze zaak geadviseerd en mag er daarom niet over beslissen.");
        assertThat(task(instance, "Decide").getAssignee()).isNull();
        assertThat(runtimeService.getVariable(instance, "outcome")).isNull();
    }

    @Test
    void theCoSignerCannotRewriteWhoDecided() {
        String instance = toDecision("breukelen", "12000", "adv.fysiek");
        work(MANAGER_AND_ALDERMAN, task(instance, "Decide"), variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));
        Task coSign = task(instance, "CoSignDecision");
        // Whoever decided cannot co-sign, also when the decidedBy variable was changed through another door.
        runtimeService.setVariable(instance, "decidedBy", "gebiedsmanager");
        Reply ownCoSign = StaffApi.as(MANAGER_AND_ALDERMAN, port).post("/engine-rest/task/" + coSign.getId() + "/claim",
                Map.of("userId", MANAGER_AND_ALDERMAN));
        assertThat(ownCoSign.status()).as(ownCoSign.toString()).isEqualTo(403);
        assertThat(ownCoSign.message()).isEqualTo("Medeondertekenen moet iemand anders doen dan " + MANAGER_AND_ALDERMAN + ", die het besluit nam.");
        runtimeService.setVariable(instance, "decidedBy", MANAGER_AND_ALDERMAN);

        claim("wethouder", coSign);
        Reply rewrite = StaffApi.as("wethouder", port).post("/engine-rest/task/" + coSign.getId() + "/submit-form",
                variables("coSignDecision", "akkoord", "decidedBy", "gebiedsmanager"));
        assertThat(rewrite.status()).as(rewrite.toString()).isEqualTo(400);
        assertThat(rewrite.message()).isEqualTo("‘Besloten door’ kan in het formulier ‘Besluit medeondertekenen’ niet worden gewijzigd. Er is niets opgeslagen.");
        assertThat(runtimeService.getVariable(instance, "decidedBy")).isEqualTo(MANAGER_AND_ALDERMAN);

        // The case file records the person who completed "Besluit nemen", whatever the variable says by then.
        runtimeService.setVariable(instance, "decidedBy", "gebiedsmanager");
        submit("wethouder", task(instance, "CoSignDecision"), variables("coSignDecision", "akkoord"));
        assertThat(decidedBy(instance)).isEqualTo(MANAGER_AND_ALDERMAN);
    }

    @Test
    void theCoSignTaskIsCompletedByWhoClaimedIt() {
        String instance = toDecision("breukelen", "12000", "adv.fysiek");
        work("gebiedsmanager", task(instance, "Decide"), variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));
        Task coSign = task(instance, "CoSignDecision");
        claim("wethouder", coSign);

        Reply other = StaffApi.as(MANAGER_AND_ALDERMAN, port).post("/engine-rest/task/" + coSign.getId() + "/submit-form",
                variables("coSignDecision", "akkoord"));

        assertThat(other.status()).as(other.toString()).isEqualTo(403);
        assertThat(other.message()).isEqualTo("De taak ‘Besluit medeondertekenen’ is geclaimd door wethouder; alleen die kan haar afronden.");
        assertThat(task(instance, "CoSignDecision").getAssignee()).isEqualTo("wethouder");
        assertThat(runtimeService.getVariable(instance, "coSignAgreed")).isNull();
        submit("wethouder", task(instance, "CoSignDecision"), variables("coSignDecision", "akkoord"));
        assertThat(decidedBy(instance)).isEqualTo("gebiedsmanager");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String toDecision(String neighbourhood, String amount, String adviser) {
        String instance = cases.start(neighbourhood, Category.GROEN_EN_OPENBARE_RUIMTE, amount).processInstanceId();
        work("wm." + neighbourhood, task(instance, "CheckCompleteness"), variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        work(adviser, task(instance, "GiveAdvice"), variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        return instance;
    }

    private String decidedBy(String instance) {
        List<String> decided = jdbc.queryForList("select decided_by from case_file where process_instance_id = ?", String.class, instance);
        return decided.isEmpty() ? null : decided.get(0);
    }

    private void claim(String user, Task task) {
        Reply claim = StaffApi.as(user, port).post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        assertThat(claim.status()).as(user + ": " + claim).isEqualTo(204);
    }

    private void submit(String user, Task task, Map<String, Object> form) {
        Reply submit = StaffApi.as(user, port).post("/engine-rest/task/" + task.getId() + "/submit-form", form);
        assertThat(submit.status()).as(user + ": " + submit).isEqualTo(204);
    }

    private void user(String id, List<String> groups) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName("Dubbele");
        user.setLastName("Rol");
        user.setPassword(StaffApi.PASSWORD);
        identityService.saveUser(user);
        groups.forEach(group -> identityService.createMembership(id, group));
    }

    private Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private void work(String user, Task task, Map<String, Object> form) {
        StaffApi api = StaffApi.as(user, port);
        Reply claim = api.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        assertThat(claim.status()).as(user + ": " + claim).isEqualTo(204);
        Reply submit = api.post("/engine-rest/task/" + task.getId() + "/submit-form", form);
        assertThat(submit.status()).as(user + ": " + submit).isEqualTo(204);
    }
}
