package nl.wijkzaken.security.internal;

import nl.wijkzaken.support.StaffApi.Reply;
import static nl.wijkzaken.support.StaffApi.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.StaffApi;

/**
 * Issue 12: staff change a case only through the form of their task. Over real HTTP as every staff role on a real
 * case: no other endpoint writes a variable, a refusal tells nothing about other wijken, statistics over all cases
 * are for the Cockpit roles, and the process owner reads no resident's personal data.
 */
@ApplicationTest
class VariableWritesTest {

    private static final List<String> STAFF = List.of("balie", "wm.maarssenbroek", "wm.breukelen", "adv.fysiek",
            "gebiedsmanager", "wethouder", "auditor", "procesbeheerder");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RequestIntake intake;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;

    @Test
    void noStaffRoleWritesACaseVariableThroughAnyEndpointButTheFormOfItsTask() {
        RegisteredRequest request = new Cases(context).start("maarssenbroek", Category.OVERIG, "2000");
        String instance = request.processInstanceId();
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        // The case owner holds the task: as its assignee and candidate he has TASK_WORK on it.
        assertThat(as("wm.maarssenbroek").post("/engine-rest/task/" + task.getId() + "/claim",
                Map.of("userId", "wm.maarssenbroek")).status()).isEqualTo(204);
        Object amountBefore = runtimeService.getVariable(instance, "amountToDecide");

        for (String user : STAFF) {
            List<Reply> replies = writes(as(user), instance, task.getId(), request.caseNumber());
            assertThat(replies).as(user).allSatisfy(reply -> {
                assertThat(reply.status()).as(user + ": " + reply).isEqualTo(403);
                assertThat(reply.message()).as(user).isEqualTo(VariableWrites.REFUSED);
            });
        }

        assertThat(runtimeService.getVariable(instance, "amountToDecide")).isEqualTo(amountBefore);
        assertThat(runtimeService.getVariables(instance)).doesNotContainKeys("probe", "mandate");
        // The task's own variables are its Tasklist card (ResidentRequestProcess.Cards), nothing anybody wrote.
        assertThat(taskService.getVariablesLocal(task.getId())).doesNotContainKeys("amountToDecide", "probe")
                .containsEntry("caseNumber", request.caseNumber())
                .allSatisfy((name, value) -> assertThat(name).satisfiesAnyOf(
                        card -> assertThat(nl.wijkzaken.models.ResidentRequestProcess.Cards.ALL).contains(card),
                        summary -> assertThat(summary).isEqualTo("caseSummary")));
        assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId()).isEqualTo(task.getId());
        // The form of his own task still works.
        Reply submitted = as("wm.maarssenbroek").post("/engine-rest/task/" + task.getId() + "/submit-form",
                variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(204);
        // Only the administrator keeps the engine's tools.
        assertThat(as("demo").put("/engine-rest/process-instance/" + instance + "/variables/probe",
                Map.of("value", "beheer", "type", "String")).status()).isEqualTo(204);
    }

    @Test
    void aRefusedMessageTellsAWijkmanagerNothingAboutCasesOfOtherWijken() {
        RegisteredRequest other = new Cases(context).start("maarssenbroek", Category.OVERIG, "100");
        StaffApi wmBreukelen = as("wm.breukelen");

        Reply existing = wmBreukelen.post("/engine-rest/message", Map.of("messageName", "aanvulling-ontvangen",
                "businessKey", other.caseNumber()));
        Reply unknown = wmBreukelen.post("/engine-rest/message", Map.of("messageName", "aanvulling-ontvangen",
                "businessKey", "BV-1999-999999"));
        Reply unknownMessage = wmBreukelen.post("/engine-rest/message", Map.of("messageName", "bestaat-niet"));

        assertThat(List.of(existing, unknown, unknownMessage)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.body()).isEqualTo(existing.body());
        });
    }

    @Test
    void statisticsOverAllCasesAreForTheCockpitRolesOnly() {
        new Cases(context).start("loenen", Category.OVERIG, "100");
        for (String user : List.of("balie", "wm.breukelen", "adv.fysiek", "gebiedsmanager", "wethouder")) {
            for (String path : List.of("/engine-rest/process-definition/statistics",
                    "/engine-rest/process-definition/key/resident-request/statistics",
                    "/engine-rest/deployment/statistics")) {
                Reply reply = as(user).get(path);
                assertThat(reply.status()).as(user + " " + path + ": " + reply).isIn(403, 404);
                assertThat(reply.body()).as(user + " " + path).doesNotContain("\"instances\"");
            }
            assertThat(as(user).get("/engine-rest/process-definition/statistics").message()).isEqualTo(VariableWrites.STATISTICS_REFUSED);
        }
        for (String user : List.of("auditor", "procesbeheerder", "demo")) {
            assertThat(as(user).get("/engine-rest/process-definition/statistics").status()).as(user).isEqualTo(200);
        }
    }

    @Test
    void theProcessOwnerReadsNoResidentsPersonalDataTheAuditorDoes() {
        RegisteredRequest request = new Cases(context).start("breukelen", Category.OVERIG, "100");
        StaffApi owner = as("procesbeheerder");

        List<String> personal = List.of(
                "/engine-rest/history/variable-instance?variableName=applicantEmail",
                "/engine-rest/history/variable-instance?processInstanceId=" + request.processInstanceId(),
                "/engine-rest/history/detail?processInstanceId=" + request.processInstanceId(),
                "/engine-rest/history/process-instance?variables=applicantEmail_eq_fatima%40example.org",
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + request.caseNumber(),
                "/engine-rest/history/task?processInstanceId=" + request.processInstanceId(),
                "/engine-rest/variable-instance?variableName=applicantEmail",
                "/engine-rest/process-instance?businessKey=" + request.caseNumber());
        for (String path : personal) {
            Reply reply = owner.get(path);
            assertThat(reply.status()).as(path + ": " + reply).isEqualTo(200);
            assertThat(reply.json()).as(path).isEmpty();
        }
        assertThat(owner.get("/engine-rest/process-instance/" + request.processInstanceId() + "/variables").status())
                .isIn(403, 404);
        // What he needs for the models: the definitions and how the decision tables decided (no personal data there).
        assertThat(owner.get("/engine-rest/process-definition?key=resident-request").json()).isNotEmpty();
        assertThat(owner.get("/engine-rest/history/decision-instance?processInstanceId=" + request.processInstanceId()
                + "&includeInputs=true").json()).isNotEmpty();

        assertThat(as("auditor").get("/engine-rest/history/variable-instance?variableName=applicantEmail&processInstanceId="
                + request.processInstanceId()).json().findValuesAsText("value")).containsExactly("fatima@example.org");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Every way of writing a variable or moving a case other than completing a task's form. */
    private static List<Reply> writes(StaffApi api, String instance, String taskId, String caseNumber) {
        Map<String, Object> value = Map.of("value", 1.0, "type", "Double");
        Map<String, Object> modifications = Map.of("modifications", Map.of("amountToDecide", value));
        Map<String, Object> vars = Map.of("amountToDecide", value, "probe", Map.of("value", "x"));
        List<Reply> replies = new ArrayList<>();
        for (String base : List.of("/engine-rest/process-instance/" + instance + "/variables",
                "/engine-rest/execution/" + instance + "/localVariables",
                "/engine-rest/task/" + taskId + "/variables",
                "/engine-rest/task/" + taskId + "/localVariables")) {
            replies.add(api.put(base + "/amountToDecide", value));
            replies.add(api.post(base, modifications));
            replies.add(api.delete(base + "/amountToDecide"));
        }
        replies.add(api.post("/engine-rest/process-instance/" + instance + "/modification", Map.of("instructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "CheckCompleteness", "variables",
                        Map.of("amountToDecide", Map.of("value", 1.0, "local", false)))))));
        replies.add(api.post("/engine-rest/process-instance/variables-async", Map.of("processInstanceIds", List.of(instance),
                "variables", vars)));
        replies.add(api.post("/engine-rest/message", Map.of("messageName", "aanvulling-ontvangen",
                "businessKey", caseNumber, "processVariables", vars)));
        replies.add(api.post("/engine-rest/signal", Map.of("name", "probe", "variables", vars)));
        replies.add(api.post("/engine-rest/condition", Map.of("variables", vars)));
        replies.add(api.post("/engine-rest/execution/" + instance + "/signal", Map.of("variables", vars)));
        replies.add(api.post("/engine-rest/task/" + taskId + "/bpmnError", Map.of("errorCode", "probe", "variables", vars)));
        replies.add(api.post("/engine-rest/task/" + taskId + "/bpmnEscalation", Map.of("escalationCode", "probe",
                "variables", vars)));
        replies.add(api.post("/engine-rest/task/" + taskId + "/resolve", Map.of("variables", vars)));
        replies.add(api.post("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "probe", "maxTasks", 1,
                "topics", List.of(Map.of("topicName", "probe", "lockDuration", 1000)))));
        return replies;
    }

    private StaffApi as(String user) {
        return StaffApi.as(user, port);
    }
}
