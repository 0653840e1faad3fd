package nl.wijkzaken.residents.internal;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.ConsentSource;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Awb 2:8: the resident may withdraw the consent to receive decisions by e-mail, on the status page (with the token).
 * The case file records when (and a case event says so); from then on decisions go by post: the running case's
 * {@code decisionChannel} becomes {@code post}, in the same transaction.
 */
@Service
class EmailConsents {

    private final CaseFiles caseFiles;
    private final RuntimeService runtimeService;

    EmailConsents(CaseFiles caseFiles, @Lazy RuntimeService runtimeService) {
        this.caseFiles = caseFiles;
        this.runtimeService = runtimeService;
    }

    /** False when no consent held (never given, or withdrawn before): nothing changes then. */
    @Transactional
    boolean withdraw(ResidentCase residentCase) {
        var now = EngineClock.now();
        boolean withdrawn = caseFiles.withdrawEmailConsent(residentCase.caseNumber(), DecisionChannel.POST.code(),
                "De aanvrager heeft op " + DutchFormat.dateTime(now) + " via " + ConsentSource.STATUS_PAGE.words()
                        + " de toestemming voor besluiten per e-mail ingetrokken (artikel 2:8 Awb). Besluiten gaan "
                        + "voortaan " + DecisionChannel.POST.words() + ".", "bewoner");
        if (withdrawn && runtimeService.createProcessInstanceQuery()
                .processInstanceId(residentCase.processInstanceId()).count() > 0) {
            runtimeService.setVariables(residentCase.processInstanceId(), Map.of(
                    Variables.DECISION_CHANNEL, DecisionChannel.POST.code(),
                    Variables.EMAIL_CONSENT_WITHDRAWN_AT,
                    DutchFormat.isoMoment(now)));
        }
        return withdrawn;
    }
}
