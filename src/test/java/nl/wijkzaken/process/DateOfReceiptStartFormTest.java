package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StaffApi.Reply;

/**
 * Awb 4:2 and 4:13 through the front office's start form over REST as {@code balie}: a letter counts from the day
 * it arrived; a date in the future, too far back or missing for a letter is refused in Dutch and nothing is stored.
 */
@ApplicationTest
class DateOfReceiptStartFormTest {

    private static final String SUBMIT = "/engine-rest/process-definition/key/resident-request/submit-form";

    @LocalServerPort int port;
    @Autowired CaseFiles caseFiles;
    @Autowired RuntimeService runtimeService;

    @Test
    void aLetterRegisteredThreeDaysLateCountsFromTheDayItArrived() {
        LocalDate arrived = EngineClock.today().minusDays(3);

        Reply reply = StaffApi.as("balie", port).post(SUBMIT, Map.of("variables", form("post", arrived.toString())));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        CaseFile file = caseFiles.find(reply.json().path("businessKey").asText()).orElseThrow();
        assertThat(file.receivedOn()).isEqualTo(arrived);
        assertThat(file.legalDeadline()).isEqualTo(LegalCalendar.ofLaw().termEnd(arrived.plusWeeks(8)));
        assertThat(caseFiles.deadline(file.caseNumber()).orElseThrow().registeredAt().toLocalDate()).isEqualTo(EngineClock.today());
    }

    @Test
    void aDateInTheFutureTooFarBackOrMissingForALetterIsRefusedInDutchAndNothingIsStored() {
        StaffApi balie = StaffApi.as("balie", port);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count();

        Reply future = balie.post(SUBMIT, Map.of("variables", form("post", EngineClock.today().plusDays(1).toString())));
        Reply tooOld = balie.post(SUBMIT, Map.of("variables", form("e-mail", EngineClock.today().minusDays(31).toString())));
        Reply missing = balie.post(SUBMIT, Map.of("variables", form("post", null)));

        assertThat(List.of(future, tooOld, missing)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.body()).doesNotContain("ENGINE-", "Exception");
        });
        assertThat(future.message()).contains("De datum van ontvangst kan niet in de toekomst liggen.");
        assertThat(tooOld.message()).contains("hoogstens 30 dagen");
        assertThat(missing.message()).contains("Vul de datum van ontvangst in");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count()).isEqualTo(before);
    }

    private static Map<String, Object> form(String channel, String dateOfReceipt) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicantName", Map.of("value", "Jan Jansen"));
        form.put("applicantEmail", Map.of("value", "jan@example.org"));
        form.put("neighbourhood", Map.of("value", "breukelen"));
        form.put("category", Map.of("value", "groen-en-openbare-ruimte"));
        form.put("title", Map.of("value", "Bankje"));
        form.put("description", Map.of("value", "Een bankje bij de vijver, per brief gevraagd."));
        form.put("amountRequested", Map.of("value", 1200));
        form.put("urgency", Map.of("value", "normaal"));
        form.put("carriedOutBy", Map.of("value", "bewoners"));
        form.put("channel", Map.of("value", channel));
        if (dateOfReceipt != null) {
            form.put("dateOfReceipt", Map.of("value", dateOfReceipt));
        }
        return nl.wijkzaken.support.TestAddress.withValues(form);
    }
}
