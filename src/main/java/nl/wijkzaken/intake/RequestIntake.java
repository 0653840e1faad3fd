package nl.wijkzaken.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.models.ResidentRequestProcess;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;

/**
 * The single way in for a resident's request from code (the public API): starts {@code resident-request} with the
 * request's fields as variables, exactly as the staff start form does. Validation happens in the process's first step.
 */
@Service
public class RequestIntake {

    /** Submitted by the resident through the public form or API: the date of receipt is the server's day. */
    public static final String ONLINE = "online";
    /**
     * How a request came in: online by the resident, or registered by the front office from the desk or phone
     * ({@code balie}), a letter ({@code post}) or an e-mail ({@code e-mail}), with the day it arrived.
     */
    public static final Set<String> CHANNELS = Set.of("balie", ONLINE, "post", "e-mail");
    /** Channels whose registration must say the day the request arrived (a letter or mail may wait in a mailbox). */
    public static final Set<String> DATED_CHANNELS = Set.of("post", "e-mail");

    private final RuntimeService runtimeService;

    RequestIntake(@Lazy RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** A request from the front office ("balie") or online; consent for e-mail counts as given there. */
    @Transactional
    public RegisteredRequest submit(ResidentRequest request, String channel) {
        return submit(request, channel, "balie".equals(channel) ? ConsentSource.FRONT_OFFICE : ConsentSource.API);
    }

    /** As {@link #submit(ResidentRequest, String)}, saying where the resident gave consent for e-mail (if he did). */
    @Transactional
    public RegisteredRequest submit(ResidentRequest request, String channel, ConsentSource consentSource) {
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("Onbekend kanaal: " + channel);
        }
        Map<String, Object> variables = variables(request, channel);
        // Without a source registration takes the front office (what Tasklist's start form may send: FormGuard).
        if (consentSource != ConsentSource.FRONT_OFFICE) {
            variables.put(Variables.EMAIL_CONSENT_SOURCE, consentSource.code());
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ResidentRequestProcess.KEY, variables);
        if (instance.getBusinessKey() == null) {
            throw new IllegalStateException("Process " + ResidentRequestProcess.KEY + " did not assign a case number");
        }
        return new RegisteredRequest(instance.getBusinessKey(), instance.getId());
    }

    static Map<String, Object> variables(ResidentRequest request, String channel) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.APPLICANT_NAME, request.applicantName());
        variables.put(Variables.APPLICANT_EMAIL, request.applicantEmail());
        variables.put("applicantPhone", request.applicantPhone());
        variables.put("onBehalfOfGroup", request.onBehalfOfGroup());
        variables.put(Variables.NEIGHBOURHOOD, request.neighbourhood());
        variables.put(Variables.CATEGORY, request.category() == null ? null : request.category().code());
        variables.put(Variables.TITLE, request.title());
        variables.put("description", request.description());
        variables.put(Variables.AMOUNT_REQUESTED, request.amountRequested() == null ? null : request.amountRequested().doubleValue());
        variables.put(Variables.URGENCY, request.urgency() == null ? null : request.urgency().code());
        variables.put("location", request.location());
        variables.put(Variables.CHANNEL, channel);
        variables.put(Variables.POSTAL_STREET, request.postalStreet());
        variables.put(Variables.POSTAL_HOUSE_NUMBER, request.postalHouseNumber());
        variables.put(Variables.POSTAL_CODE, request.postalCode());
        variables.put(Variables.POSTAL_PLACE, request.postalPlace());
        variables.put(Variables.DECISION_CHANNEL, request.decisionChannel().code());
        variables.put(Variables.EMAIL_CONSENT, request.emailConsent());
        variables.put(Variables.CARRIED_OUT_BY, request.carriedOutBy() == null ? null : request.carriedOutBy().code());
        return variables;
    }
}
