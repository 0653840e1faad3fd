package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.DeliveryChoice;
import nl.wijkzaken.refusal.Refusal;

/**
 * The registration step ("Verzoek registreren") as the Tasklist start form reaches it, on a bare engine: the postal
 * address (Awb 4:2) is required and normalised, the channel for decisions needs express consent for e-mail (Awb 2:8),
 * and a consent given through the start form is recorded as given at the front office, with its time.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "forms/verzoek-beantwoorden.form",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form"})
class IntakeChannelRegistrationTest {

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();

    @BeforeEach
    void init() {
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "50000");
    }

    /** The start form's fields as Tasklist sends them. */
    static Map<String, Object> startForm() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantName", "Jan Jansen");
        variables.put("neighbourhood", "breukelen");
        variables.put("category", "groen-en-openbare-ruimte");
        variables.put("title", "Bankje");
        variables.put("description", "Een bankje bij de vijver.");
        variables.put("amountRequested", 1200);
        variables.put("urgency", "normaal");
        variables.put("carriedOutBy", "bewoners");
        variables.put("channel", "balie");
        variables.put("postalStreet", "Vijverlaan");
        variables.put("postalHouseNumber", "7 bis");
        variables.put("postalCode", "3621ab");
        variables.put("postalPlace", "Breukelen");
        return variables;
    }

    @Test
    void aPhoneRequestWithoutEmailGoesByPostWithTheNormalisedAddress() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("resident-request", startForm());

        Map<String, Object> variables = runtimeService.getVariables(instance.getId());
        assertThat(variables).containsEntry("postalCode", "3621 AB").containsEntry("decisionChannel", "post")
                .containsEntry("emailConsentAt", null).containsEntry("emailConsentSource", null);
        DeliveryChoice choice = caseFiles.deliveryChoice(instance.getBusinessKey()).orElseThrow();
        assertThat(choice.addressLine()).isEqualTo("Vijverlaan 7 bis, 3621 AB Breukelen");
        assertThat(choice.channel()).isEqualTo("post");
        assertThat(caseFiles.events(instance.getBusinessKey())).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(CaseEventType.DECISION_CHANNEL_CHOSEN);
            assertThat(event.detail()).isEqualTo("Besluiten per post naar Vijverlaan 7 bis, 3621 AB Breukelen. "
                    + "Geen toestemming voor besluiten per e-mail.");
        });
    }

    @Test
    void consentGivenAtTheFrontOfficeIsRecordedAsSuchWithItsTime() {
        Map<String, Object> variables = startForm();
        variables.put("applicantEmail", "jan@example.org");
        variables.put("decisionChannel", "e-mail");
        variables.put("emailConsent", true);

        ProcessInstance instance = runtimeService.startProcessInstanceByKey("resident-request", variables);

        assertThat(runtimeService.getVariable(instance.getId(), "emailConsentSource")).isEqualTo("balie");
        assertThat((String) runtimeService.getVariable(instance.getId(), "emailConsentAt")).isNotBlank();
        DeliveryChoice choice = caseFiles.deliveryChoice(instance.getBusinessKey()).orElseThrow();
        assertThat(choice.channel()).isEqualTo("e-mail");
        assertThat(choice.emailConsentSource()).isEqualTo("balie");
        assertThat(choice.emailConsentHolds()).isTrue();
        assertThat(caseFiles.events(instance.getBusinessKey())).anySatisfy(event -> assertThat(event.detail())
                .contains("per e-mail naar jan@example.org", "de balie of de telefoon"));
    }

    @Test
    void emailWithoutConsentOrWithoutAddressFailsTheStartInDutchAndStoresNothing() {
        long before = runtimeService.createProcessInstanceQuery().count();
        Map<String, Object> variables = startForm();
        variables.put("decisionChannel", "e-mail");
        variables.remove("postalCode");

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("resident-request", variables))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Vul uw postcode in.")
                .hasMessageContaining("Vul uw e-mailadres in: u kiest ervoor het besluit per e-mail te ontvangen.")
                .hasMessageContaining("Geef toestemming om het besluit per e-mail te ontvangen");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    }
}
