package nl.wijkzaken.intake;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the {@code resident-request} process for a validated request. The process assigns the case number
 * (its business key) in its first step; this service hands it back to the caller.
 * Minimal version for the residents' channel; reconciled with the lifecycle's version at merge.
 */
@Service
public class RequestIntake {

    public static final String PROCESS_KEY = "resident-request";

    private final RuntimeService runtimeService;

    RequestIntake(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Transactional
    public RegisteredRequest submit(ResidentRequest request, String channel) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables(request, channel));
        String caseNumber = instance.getBusinessKey();
        if (caseNumber == null) {
            caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
                    .singleResult().getBusinessKey();
        }
        if (caseNumber == null) {
            throw new IllegalStateException("Process " + PROCESS_KEY + " did not assign a case number");
        }
        return new RegisteredRequest(caseNumber, instance.getId());
    }

    static Map<String, Object> variables(ResidentRequest request, String channel) {
        // HashMap: optional fields stay null variables, so the process can rely on every name existing.
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantName", request.applicantName());
        variables.put("applicantEmail", request.applicantEmail());
        variables.put("applicantPhone", request.applicantPhone());
        variables.put("onBehalfOfGroup", request.onBehalfOfGroup());
        variables.put("neighbourhood", request.neighbourhood());
        variables.put("category", request.category().code());
        variables.put("title", request.title());
        variables.put("description", request.description());
        variables.put("amountRequested", request.amountRequested().doubleValue());
        variables.put("urgency", request.urgency().code());
        variables.put("location", request.location());
        variables.put("channel", channel);
        return variables;
    }
}
