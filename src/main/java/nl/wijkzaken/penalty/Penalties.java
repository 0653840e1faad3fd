package nl.wijkzaken.penalty;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.models.ResidentRequestProcess.Penalty;
import nl.wijkzaken.penalty.internal.PenaltyRecords;
import nl.wijkzaken.penalty.internal.PenaltyRules;
import nl.wijkzaken.shared.EngineClock;

/**
 * A case's penalty for a late decision as the status page and the dossier read it, and the resident's notice of
 * default from the status page (Awb 4:17 lid 4: electronically, since the application could be made electronically).
 */
@Service
public class Penalties {

    private final PenaltyRecords records;
    private final PenaltyRules rules;
    private final CaseFiles caseFiles;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    Penalties(PenaltyRecords records, PenaltyRules rules, CaseFiles caseFiles, @Lazy RuntimeService runtimeService,
              @Lazy IdentityService identityService) {
        this.records = records;
        this.rules = rules;
        this.caseFiles = caseFiles;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    public Optional<PenaltyState> of(String caseNumber) {
        return records.find(caseNumber);
    }

    /**
     * Whether the penalty for late decisions exists for this case at all (Awb 4:17 lid 1: decisions on applications;
     * not for a request for the municipality to act, route verzoek). Pages say nothing about it when it does not.
     */
    public boolean applies(String caseNumber) {
        return caseFiles.find(caseNumber).map(rules::applies).orElse(false);
    }

    /**
     * Whether the resident may send a notice of default today: the penalty applies to the case, its legal deadline
     * (as it stands, not suspended) has passed, no decision was sent and no notice came in yet. The process checks
     * the same again when the notice arrives.
     */
    public boolean noticePossible(String caseNumber) {
        Optional<CaseFile> file = caseFiles.find(caseNumber);
        return file.isPresent() && rules.noticeRefusal(file.get(), EngineClock.today(),
                caseFiles.decisionSentOn(caseNumber).orElse(null), records.find(caseNumber).orElse(null)) == null;
    }

    /**
     * The resident's notice of default, received today: starts "Dwangsom bij niet tijdig beslissen". Not a staff
     * action, so it runs without a logged-in person (as the public intake does). A refusal (deadline not passed,
     * decision sent, notice already in) is a {@code refusal.Refusal} in Dutch; nothing is stored then.
     */
    @Transactional
    public void noticeFromResident(String caseNumber) {
        Authentication person = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            runtimeService.startProcessInstanceByKey(Penalty.KEY, caseNumber, Map.of(
                    Penalty.CASE_NUMBER, caseNumber,
                    Penalty.NOTICE_RECEIVED_ON, EngineClock.today().toString(),
                    Penalty.NOTICE_FROM_RESIDENT, true));
        } finally {
            if (person != null) {
                identityService.setAuthentication(person);
            }
        }
    }

}
