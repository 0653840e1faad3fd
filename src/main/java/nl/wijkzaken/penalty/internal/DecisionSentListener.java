package nl.wijkzaken.penalty.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.DecisionSent;
import nl.wijkzaken.models.ResidentRequestProcess.Penalty;
import nl.wijkzaken.shared.EngineClock;

/**
 * The decision went out: the penalty stops that day (Awb 4:17 lid 1). Correlated in the sender's transaction, so a
 * decision is never recorded as sent while the penalty runs on. The process moves, not the person who sent the
 * decision: the correlation runs without his engine authentication (a member of staff may not correlate messages).
 */
@Component
class DecisionSentListener {

    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    DecisionSentListener(@Lazy RuntimeService runtimeService, @Lazy IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @EventListener
    void decisionSent(DecisionSent sent) {
        Authentication person = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            runtimeService.createMessageCorrelation(Penalty.DECISION_SENT)
                    .processInstanceBusinessKey(sent.caseNumber())
                    .setVariable(Penalty.DECISION_SENT_ON, EngineClock.startOf(sent.sentOn()))
                    .correlateAll();
        } finally {
            if (person != null) {
                identityService.setAuthentication(person);
            }
        }
    }
}
