package nl.wijkzaken.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StaffApi.Reply;
import nl.wijkzaken.support.TaskDriver;

/**
 * Awb 4:15 lid 2 over real HTTP with the demo users: the case's wijkmanager suspends the decision term with the
 * applicant's written consent; the deadline, its escalation timer and the case history follow. A specialist or
 * another wijk's manager gets 403 in Dutch (the same for a case that does not exist) and nothing changes.
 */
@ApplicationTest
class DeadlineSuspensionApiTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RequestIntake intake;
    @Autowired CaseFiles caseFiles;
    @Autowired ManagementService managementService;

    @Test
    void theOwnersGroupSuspendsWithConsentAndTheDeadlineMovesByTheDaysBothIncluded() {
        RegisteredRequest request = submit();
        LocalDate counted = caseFiles.deadline(request.caseNumber()).orElseThrow().countedDeadline();
        LocalDate from = EngineClock.today().plusDays(1);
        LocalDate to = from.plusDays(13);

        Reply reply = StaffApi.as("wm.breukelen", port).post(path(request.caseNumber()), Map.of("ground", "toestemming",
                "reason", "De aanvrager vraagt schriftelijk om uitstel tot na de bewonersavond.",
                "from", from.toString(), "to", to.toString()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        LocalDate moved = LegalCalendar.ofLaw().termEnd(counted.plusDays(14));
        assertThat(reply.json().path("legalDeadline").asText()).isEqualTo(moved.toString());
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline()).isEqualTo(moved);
        assertThat(day(escalation(request).getDuedate())).isEqualTo(moved.plusDays(1));
        CaseEvent event = caseFiles.events(request.caseNumber()).stream()
                .filter(e -> e.type() == CaseEventType.DEADLINE_SUSPENDED).findFirst().orElseThrow();
        assertThat(event.actor()).isEqualTo("wm.breukelen");
        assertThat(event.deadlineAfter()).isEqualTo(moved);
        assertThat(event.detail()).contains("14 dagen", "artikel 4:15 lid 2 sub a", "schriftelijke toestemming", "bewonersavond");
    }

    @Test
    void aSpecialistAnotherWijkOrAnUnknownCaseGetTheSame403AndNothingChanges() {
        RegisteredRequest request = submit();
        LocalDate before = caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline();
        Map<String, Object> body = Map.of("ground", "vertraging-aanvrager", "reason", "Aanvrager reageert niet.",
                "from", EngineClock.today().plusDays(1).toString(), "to", EngineClock.today().plusDays(5).toString());

        Reply specialist = StaffApi.as("adv.fysiek", port).post(path(request.caseNumber()), body);
        Reply otherWijk = StaffApi.as("wm.loenen", port).post(path(request.caseNumber()), body);
        Reply unknown = StaffApi.as("wm.breukelen", port).post(path("BV-2026-999999"), body);

        for (Reply reply : new Reply[] {specialist, otherWijk, unknown}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.message()).isEqualTo(DeadlineSuspensions.NOT_YOURS);
        }
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline()).isEqualTo(before);
        assertThat(caseFiles.events(request.caseNumber())).noneMatch(e -> e.type() == CaseEventType.DEADLINE_SUSPENDED);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrWithoutAGroundIsRefusedPerField() {
        RegisteredRequest request = submit();

        Reply reply = StaffApi.as("wm.breukelen", port).post(path(request.caseNumber()), Map.of("ground", "omdat",
                "reason", "", "from", EngineClock.today().plusDays(5).toString(), "to", EngineClock.today().plusDays(1).toString()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().path("errors").path("to").asText()).contains("vóór de eerste dag");
        assertThat(reply.json().path("errors").path("ground").asText()).contains("toestemming");
        assertThat(reply.json().path("errors").path("reason").asText()).contains("reden");
        assertThat(caseFiles.events(request.caseNumber())).noneMatch(e -> e.type() == CaseEventType.DEADLINE_SUSPENDED);
    }

    @Test
    void inTasklistTheOwnerStartsBeslistermijnOpschortenAndAnotherWijkIsRefusedByItsFirstStep() {
        RegisteredRequest request = submit();
        LocalDate counted = caseFiles.deadline(request.caseNumber()).orElseThrow().countedDeadline();
        LocalDate from = EngineClock.today().plusDays(2);
        String submit = "/engine-rest/process-definition/key/deadline-suspension/submit-form";

        Reply otherWijk = StaffApi.as("wm.loenen", port).post(submit, Map.of("variables", form(request.caseNumber(), from)));
        Reply specialist = StaffApi.as("adv.fysiek", port).post(submit, Map.of("variables", form(request.caseNumber(), from)));
        assertThat(otherWijk.status()).as(otherWijk.toString()).isEqualTo(403);
        assertThat(otherWijk.message()).isEqualTo(DeadlineSuspensions.NOT_YOURS);
        assertThat(specialist.status()).as("a specialist cannot even see the process: " + specialist).isIn(403, 404);
        assertThat(caseFiles.events(request.caseNumber())).noneMatch(e -> e.type() == CaseEventType.DEADLINE_SUSPENDED);

        Reply owner = StaffApi.as("wm.breukelen", port).post(submit, Map.of("variables", form(request.caseNumber(), from)));

        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        LocalDate moved = LegalCalendar.ofLaw().termEnd(counted.plusDays(7));
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline()).isEqualTo(moved);
        assertThat(caseFiles.events(request.caseNumber())).filteredOn(e -> e.type() == CaseEventType.DEADLINE_SUSPENDED)
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("7 dagen", "sub b"));
    }

    private static Map<String, Object> form(String caseNumber, LocalDate from) {
        return Map.of("caseNumber", Map.of("value", caseNumber),
                "suspensionGround", Map.of("value", "vertraging-aanvrager"),
                "suspensionFrom", Map.of("value", from.toString()),
                "suspensionTo", Map.of("value", from.plusDays(6).toString()),
                "suspensionReason", Map.of("value", "De aanvrager levert de tekening later aan."));
    }

    private RegisteredRequest submit() {
        RegisteredRequest request = intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                "Buurtgroep Zuid", "breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "Bankje bij de vijver",
                "Graag een bankje.", new BigDecimal("2000"), Urgency.NORMAAL, "Straatweg 1", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), "online");
        new TaskDriver(context).runMessages(request.processInstanceId());
        return request;
    }

    private Job escalation(RegisteredRequest request) {
        return managementService.createJobQuery().processInstanceId(request.processInstanceId())
                .activityId("EscalationTimer").singleResult();
    }

    private static String path(String caseNumber) {
        return "/api/cases/" + caseNumber + "/deadline-suspensions";
    }

    private static LocalDate day(java.util.Date date) {
        return LocalDate.ofInstant(date.toInstant(), DutchFormat.ZONE);
    }
}
