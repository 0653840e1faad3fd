package nl.wijkzaken.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.support.ApplicationTest;

@ApplicationTest
class RequestIntakeTest {

    @Autowired
    RequestIntake intake;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void submitStartsTheProcessWithTheRequestAsVariablesAndReturnsItsCaseNumber() {
        ResidentRequest request = new ResidentRequest("Jan", "jan@example.org", null, "Buurtvereniging Oost",
                "loenen", Category.VEILIGHEID, "Lantaarnpaal", "Donker pad", new BigDecimal("120.25"), Urgency.ACUUT,
                null, "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS);

        RegisteredRequest registered = intake.submit(request, "online");

        assertThat(registered.caseNumber()).matches("BV-\\d{4}-\\d{6}");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(registered.processInstanceId())
                .singleResult().getBusinessKey()).isEqualTo(registered.caseNumber());
        assertThat(runtimeService.getVariables(registered.processInstanceId()))
                .containsEntry("category", "veiligheid").containsEntry("urgency", "acuut")
                .containsEntry("amountRequested", 120.25).containsEntry("channel", "online")
                .containsEntry("onBehalfOfGroup", "Buurtvereniging Oost").containsEntry("location", null)
                .containsEntry("carriedOutBy", "bewoners")
                .containsKeys("applicantName", "applicantEmail", "applicantPhone", "neighbourhood", "title", "description");
    }

    @Test
    void withoutAnAnswerToWhoCarriesItOutNothingIsRegistered() {
        ResidentRequest request = new ResidentRequest("Jan", "jan@example.org", null, null,
                "loenen", Category.VEILIGHEID, "Lantaarnpaal", "Donker pad", new BigDecimal("120.25"), Urgency.ACUUT,
                null, "Straatweg", "1", "3621 AB", "Breukelen", DecisionChannel.POST, false, null);
        long before = runtimeService.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> intake.submit(request, "online"))
                .satisfies(e -> assertThat(Refusal.in(e)).hasValueSatisfying(refusal -> assertThat(refusal.getMessage())
                        .contains(ResidentRequest.CARRIED_OUT_BY_MISSING)));
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    }
}
