package nl.wijkzaken.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.models.ResidentRequestProcess.Penalty;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StaffApi.Reply;

/**
 * The front office registers a notice of default received on paper with its date of receipt (Awb 4:17), over our
 * API and over Tasklist's start form (the engine's submit-form); anyone else gets 403 in Dutch and nothing is stored.
 */
@ApplicationTest
class NoticeOfDefaultApiTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired CaseFiles caseFiles;
    @Autowired RuntimeService runtimeService;
    @Autowired Penalties penalties;

    private RegisteredRequest request;
    private LocalDate deadline;

    @BeforeEach
    void aCaseWhoseDeadlinePassed() {
        request = new Cases(context).start("loenen", Category.OVERIG, "1500");
        deadline = caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline();
        ClockUtil.setCurrentTime(Date.from(deadline.plusDays(5).atTime(LocalTime.of(11, 0))
                .atZone(DutchFormat.ZONE).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theFrontOfficeRegistersAPaperNoticeWithItsDateOfReceipt() {
        LocalDate receivedOn = deadline.plusDays(2);
        Reply reply = StaffApi.as("balie", port).post(path(), Map.of("receivedOn", receivedOn.toString()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().path("noticeReceivedOn").asText()).isEqualTo(receivedOn.toString());
        PenaltyState state = penalties.of(request.caseNumber()).orElseThrow();
        assertThat(state.noticeReceivedOn()).isEqualTo(receivedOn);
        assertThat(state.noticeChannel()).isEqualTo("op papier, geregistreerd door de balie");
        assertThat(reply.json().path("penaltyFrom").asText()).isEqualTo(state.firstDay().toString());
        assertThat(reply.json().path("penalty").asText()).contains("ontvangen op " + DutchFormat.date(receivedOn));
        assertThat(caseFiles.events(request.caseNumber())).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(CaseEventType.NOTICE_OF_DEFAULT_RECEIVED);
            assertThat(event.actor()).isEqualTo("balie");
        });
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(Penalty.KEY)
                .processInstanceBusinessKey(request.caseNumber()).count()).isEqualTo(1);
    }

    @Test
    void theFrontOfficeUsesTheTasklistStartForm() {
        Reply reply = StaffApi.as("balie", port).post("/engine-rest/process-definition/key/" + Penalty.KEY + "/submit-form",
                StaffApi.variables("caseNumber", request.caseNumber(),
                        "noticeReceivedOn", deadline.plusDays(1).toString()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(penalties.of(request.caseNumber()).orElseThrow().noticeReceivedOn()).isEqualTo(deadline.plusDays(1));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(Penalty.KEY)
                .processInstanceBusinessKey(request.caseNumber()).count()).isEqualTo(1);
    }

    @Test
    void aSpecialistGets403AndNothingIsStored() {
        Reply api = StaffApi.as("adv.fysiek", port).post(path(), Map.of("receivedOn", deadline.plusDays(1).toString()));
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.message()).isEqualTo("Alleen de balie registreert een ingebrekestelling die op papier is "
                + "ontvangen. Een bewoner stuurt die zelf via de statuspagina van zijn verzoek.");

        Reply form = StaffApi.as("adv.fysiek", port).post("/engine-rest/process-definition/key/" + Penalty.KEY
                + "/submit-form", StaffApi.variables("caseNumber", request.caseNumber(),
                "noticeReceivedOn", deadline.plusDays(1).toString()));
        // The engine hides the process from whoever may not read it: the specialist does not even find the form.
        assertThat(form.status()).isIn(403, 404);
        // A wijkmanager sees the process (his own tasks in it) but may not start it.
        Reply wijkmanager = StaffApi.as("wm.loenen", port).post("/engine-rest/process-definition/key/" + Penalty.KEY
                + "/submit-form", StaffApi.variables("caseNumber", request.caseNumber(),
                "noticeReceivedOn", deadline.plusDays(1).toString()));
        assertThat(wijkmanager.status()).isEqualTo(403);

        assertThat(penalties.of(request.caseNumber())).isEmpty();
        assertThat(caseFiles.events(request.caseNumber()))
                .noneMatch(event -> event.type() == CaseEventType.NOTICE_OF_DEFAULT_RECEIVED);
    }

    @Test
    void aNoticeReceivedBeforeTheDeadlinePassedIsRefusedInDutch() {
        Reply reply = StaffApi.as("balie", port).post(path(), Map.of("receivedOn", deadline.toString()));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.message()).contains("loopt tot en met " + DutchFormat.date(deadline),
                "Een ingebrekestelling kan pas daarna");
        assertThat(penalties.of(request.caseNumber())).isEmpty();
    }

    @Test
    void aDateInTheFutureOrMissingIsRefusedInDutch() {
        Reply future = StaffApi.as("balie", port).post(path(), Map.of("receivedOn", deadline.plusDays(30).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.message()).contains("ligt in de toekomst");
        Reply missing = StaffApi.as("balie", port).post(path(), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("Vul de datum in");
        assertThat(penalties.of(request.caseNumber())).isEmpty();
    }

    @Test
    void whileThePenaltyRunsTheOwnerAndTheGebiedsmanagerSeeItInTasklistAndTheAuditorInTheDossier() {
        LocalDate receivedOn = deadline.plusDays(1);
        assertThat(StaffApi.as("balie", port).post(path(), Map.of("receivedOn", receivedOn.toString())).status())
                .isEqualTo(201);
        PenaltyState notice = penalties.of(request.caseNumber()).orElseThrow();
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(Penalty.KEY)
                .processInstanceBusinessKey(request.caseNumber()).singleResult().getId();
        // Day 3 of the penalty.
        ClockUtil.setCurrentTime(Date.from(notice.firstDay().plusDays(2).atTime(LocalTime.of(9, 0))
                .atZone(DutchFormat.ZONE).toInstant()));
        var jobs = context.getBean(org.camunda.bpm.engine.ManagementService.class);
        for (var due = dueJob(jobs, instance); due != null; due = dueJob(jobs, instance)) {
            jobs.executeJob(due.getId());
        }

        for (String user : new String[] {"wm.loenen", "gebiedsmanager"}) {
            Reply tasks = StaffApi.as(user, port).get("/engine-rest/task?processInstanceId=" + instance);
            assertThat(tasks.json()).as(user).hasSize(1);
            assertThat(tasks.json().get(0).path("name").asText()).isEqualTo("Dwangsom loopt: besluit versturen");
            String taskId = tasks.json().get(0).path("id").asText();
            Reply amount = StaffApi.as(user, port).get("/engine-rest/task/" + taskId + "/form-variables");
            assertThat(amount.json().path("penaltyAmountSoFar").path("value").asDouble()).as(user).isEqualTo(69.0);
        }
        assertThat(StaffApi.as("adv.fysiek", port).get("/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();

        Reply dossier = StaffApi.as("auditor", port).get("/api/dossiers/" + request.caseNumber());
        assertThat(dossier.status()).isEqualTo(200);
        assertThat(dossier.body()).contains("Dwangsom bij niet tijdig beslissen, stand op",
                "De dwangsom loopt sinds " + DutchFormat.date(notice.firstDay()), "3 dagen",
                "Ingebrekestelling ontvangen op " + DutchFormat.date(receivedOn), "de dwangsom loopt vanaf "
                        + DutchFormat.date(notice.firstDay()));

        // The gebiedsmanager records what was agreed in Tasklist's form; the task comes back.
        StaffApi manager = StaffApi.as("gebiedsmanager", port);
        String runningId = manager.get("/engine-rest/task?processInstanceId=" + instance).json().get(0).path("id").asText();
        Reply claimed = manager.post("/engine-rest/task/" + runningId + "/claim", Map.of("userId", "gebiedsmanager"));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        Reply agreed = manager.post("/engine-rest/task/" + runningId + "/submit-form",
                StaffApi.variables("penaltyAgreement", "Het besluit gaat morgen per post."));
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(204);
        assertThat(caseFiles.events(request.caseNumber())).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(CaseEventType.PENALTY_AGREEMENT);
            assertThat(event.actor()).isEqualTo("gebiedsmanager");
        });

        // The decision is sent by someone logged in (as the delivery step will): the penalty stops all the same.
        var identity = context.getBean(org.camunda.bpm.engine.IdentityService.class);
        identity.setAuthentication("wm.loenen", java.util.List.of("wijkmanager-loenen"));
        try {
            caseFiles.recordDecisionSent(request.caseNumber(), notice.firstDay().plusDays(2), "per post", "wm.loenen");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(penalties.of(request.caseNumber()).orElseThrow().amountOwed()).isEqualByComparingTo("69");

        // The gebiedsmanager, who holds the mandate for decision type "dwangsom", fixes it by decision (Awb 4:18, 10:1);
        // the owner may only read the task.
        StaffApi owner = StaffApi.as("wm.loenen", port);
        Reply fixTasks = owner.get("/engine-rest/task?processInstanceId=" + instance);
        assertThat(fixTasks.json().get(0).path("name").asText()).isEqualTo("Dwangsom vaststellen");
        String fixId = fixTasks.json().get(0).path("id").asText();
        assertThat(owner.post("/engine-rest/task/" + fixId + "/claim", Map.of("userId", "wm.loenen")).status()).isEqualTo(403);
        assertThat(manager.post("/engine-rest/task/" + fixId + "/claim", Map.of("userId", "gebiedsmanager")).status()).isEqualTo(204);
        Reply fixed = manager.post("/engine-rest/task/" + fixId + "/submit-form", StaffApi.variables(
                "penaltyDecision", "vastgesteld", "penaltyMotivation", "Drie dagen te laat verzonden."));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(204);
        PenaltyState state = penalties.of(request.caseNumber()).orElseThrow();
        assertThat(state.fixedAmount()).isEqualByComparingTo("69");
        assertThat(state.decidedBy()).isEqualTo("gebiedsmanager");
        assertThat(state.paymentTo()).isEqualTo("Fatima de Vries");
    }

    private static org.camunda.bpm.engine.runtime.Job dueJob(org.camunda.bpm.engine.ManagementService jobs, String instance) {
        return jobs.createJobQuery().processInstanceId(instance).executable().duedateLowerThan(ClockUtil.getCurrentTime())
                .list().stream().findFirst().orElse(null);
    }

    private String path() {
        return "/api/cases/" + request.caseNumber() + "/notice-of-default";
    }
}
