package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.MessageSteps;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StaffApi.Reply;

/**
 * Issue 17, front office receipt: right after registering a request in Tasklist the clerk has a task "Ontvangstbewijs
 * geven" with the case number, and prints the receipt; nobody else prints it. Over REST as Tasklist does.
 */
@ApplicationTest
class ReceiptControllerTest {

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired CaseFiles caseFiles;
    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    @Test
    void theClerkWhoRegisteredGetsTheReceiptTaskWithTheCaseNumberAndPrintsTheReceipt() {
        StaffApi balie = StaffApi.as("balie", port);
        Reply started = balie.post("/engine-rest/process-definition/key/resident-request/submit-form",
                Map.of("variables", nl.wijkzaken.support.TestAddress.withValues(startForm())));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String instance = started.json().path("id").asText();
        String caseNumber = started.json().path("businessKey").asText();

        // In Tasklist's "Mijn taken": the receipt, assigned to the clerk, the case not held up by it.
        Reply mine = balie.get("/engine-rest/task?assignee=balie&processInstanceId=" + instance);
        assertThat(mine.json()).hasSize(1);
        JsonNode receipt = mine.json().get(0);
        assertThat(receipt.path("name").asText()).isEqualTo("Ontvangstbewijs geven");
        Reply form = balie.get("/engine-rest/task/" + receipt.path("id").asText() + "/form-variables");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.json().path("caseNumber").path("value").asText()).isEqualTo(caseNumber);
        assertThat(form.json().path("caseSummary").path("value").asText()).startsWith(caseNumber + " · Breukelen");
        assertThat(form.json().path("applicantEmail").path("value").asText()).isEqualTo("jan@example.org");
        // The resident's status link, to read out or print: shown, never stored as a variable.
        String statusLink = form.json().path("statusLink").path("value").asText();
        assertThat(statusLink).contains("/status/");
        assertThat(runtimeService.getVariable(instance, "statusLink")).isNull();
        assertThat(taskService.getVariable(receipt.path("id").asText(), "statusLink")).isNull();
        Reply statusPage = StaffApi.anonymous(port).get(statusLink.substring(statusLink.indexOf("/status/")));
        assertThat(statusPage.status()).as("the link works for the resident").isEqualTo(200);
        assertThat(statusPage.body()).contains(caseNumber);
        MessageSteps.run(context, instance);
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("CheckCompleteness").count())
                .as("the case goes on meanwhile").isOne();

        Reply page = balie.get("/staff/ontvangstbewijs/" + caseNumber);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.headers().getContentType().toString()).startsWith("text/html");
        var file = caseFiles.find(caseNumber).orElseThrow();
        assertThat(page.body()).contains("<h1>Ontvangstbewijs</h1>", caseNumber, "Bankje bij de vijver", "Breukelen",
                DutchFormat.date(file.receivedOn()), DutchFormat.date(file.legalDeadline()), "artikel 4:13",
                "jan@example.org", file.ownerTeam(), statusLink);

        // Others may not print it: another role, or a stranger.
        assertThat(StaffApi.as("wm.breukelen", port).get("/staff/ontvangstbewijs/" + caseNumber).status()).isEqualTo(403);
        assertThat(StaffApi.anonymous(port).get("/staff/ontvangstbewijs/" + caseNumber).status()).isEqualTo(401);
        assertThat(StaffApi.as("demo", port).get("/staff/ontvangstbewijs/" + caseNumber).status()).isEqualTo(200);
        Reply unknown = balie.get("/staff/ontvangstbewijs/BV-1999-999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("bestaat niet");

        // Done: the clerk completes the receipt without anything to fill in.
        Reply done = balie.post("/engine-rest/task/" + receipt.path("id").asText() + "/submit-form", Map.of("variables", Map.of()));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        assertThat(balie.get("/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
        // Handed over: from now on the link exists only with the resident (mailbox, printed receipt).
        Reply after = balie.get("/staff/ontvangstbewijs/" + caseNumber);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain(statusLink).contains("U ontvangt een ontvangstbevestiging per e-mail");
        assertThat(StaffApi.anonymous(port).get(statusLink.substring(statusLink.indexOf("/status/"))).status())
                .as("the resident's link still works").isEqualTo(200);
    }

    @Test
    void aRequestFromThePublicFormGetsNoReceiptTask() {
        var request = new nl.wijkzaken.support.DecisionSteps(context).submit("breukelen",
                nl.wijkzaken.intake.Category.GROEN_EN_OPENBARE_RUIMTE, "800", nl.wijkzaken.intake.Urgency.NORMAAL);
        assertThat(taskService.createTaskQuery().processInstanceId(request.processInstanceId()).taskDefinitionKey("GiveReceipt")
                .count()).isZero();
        Task check = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult();
        assertThat(check.getTaskDefinitionKey()).isEqualTo("CheckCompleteness");
    }

    private static Map<String, Object> startForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicantName", Map.of("value", "Jan Jansen"));
        form.put("applicantEmail", Map.of("value", "jan@example.org"));
        form.put("neighbourhood", Map.of("value", "breukelen"));
        form.put("category", Map.of("value", "groen-en-openbare-ruimte"));
        form.put("title", Map.of("value", "Bankje bij de vijver"));
        form.put("description", Map.of("value", "Een bankje bij de vijver."));
        form.put("amountRequested", Map.of("value", 1200));
        form.put("urgency", Map.of("value", "normaal"));
        form.put("carriedOutBy", Map.of("value", "bewoners"));
        form.put("channel", Map.of("value", "balie"));
        return form;
    }
}
