package nl.wijkzaken.penalty.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Route;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.deadline.PenaltyForLateDecision;
import nl.wijkzaken.penalty.PenaltyState;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;

/** When a notice of default counts (Awb 4:17), in one place for the status page and the process. */
@Component
public class PenaltyRules {

    private final PenaltyForLateDecision calculator;
    private final CaseFiles caseFiles;

    public PenaltyRules(LegalCalendar calendar, CaseFiles caseFiles) {
        this.calculator = new PenaltyForLateDecision(calendar);
        this.caseFiles = caseFiles;
    }

    public PenaltyForLateDecision calculator() {
        return calculator;
    }

    /**
     * LEGAL.md 1 and 6: the penalty applies to decisions on applications (subsidies included, Awb 4:17 lid 1), not
     * to requests for the municipality to act: not for route {@link Route#VERZOEK} as the case file records it (the
     * table's choice, or the owner's correction at the completeness check). A case from before routes existed was
     * handled as an application and keeps the penalty.
     */
    public boolean applies(CaseFile file) {
        return caseFiles.route(file.caseNumber()).map(route -> route != Route.VERZOEK).orElse(true);
    }

    /**
     * Why a notice of default received on {@code receivedOn} does not count, as a refusal in Dutch; null when it does.
     * 4:17 lid 1 and 3: only once the legal deadline (as it stands, case_file.legal_deadline; not while suspended,
     * 4:15) has passed and while no decision was sent; one notice per case.
     */
    public Refusal noticeRefusal(CaseFile file, LocalDate receivedOn, LocalDate decisionSentOn, PenaltyState existing) {
        if (!applies(file)) {
            return Refusal.conflict("Voor zaak " + file.caseNumber() + " geldt geen dwangsom bij niet tijdig beslissen: "
                    + "het is een verzoek aan de gemeente om iets te doen, geen aanvraag om een besluit. De dwangsom "
                    + "geldt alleen voor aanvragen om een besluit (artikel 4:17 van de Algemene wet bestuursrecht).");
        }
        if (existing != null) {
            return Refusal.conflict("Voor zaak " + file.caseNumber() + " is al een ingebrekestelling ontvangen op "
                    + DutchFormat.date(existing.noticeReceivedOn()) + ".");
        }
        if (decisionSentOn != null) {
            return Refusal.conflict("Het besluit in zaak " + file.caseNumber() + " is al verzonden op "
                    + DutchFormat.date(decisionSentOn) + "; een ingebrekestelling is niet meer nodig.");
        }
        // The case closes after its outcome went out (resident-request's last message step); until every sending
        // is recorded as DecisionSent (delivery), a closed case counts as decided and sent.
        if (file.closedOn() != null) {
            return Refusal.conflict("Zaak " + file.caseNumber() + " is afgesloten op " + DutchFormat.date(file.closedOn())
                    + "; een ingebrekestelling is niet meer nodig.");
        }
        if (receivedOn.isBefore(file.receivedOn())) {
            return Refusal.invalid("De datum van ontvangst ligt vóór de ontvangst van de aanvraag ("
                    + DutchFormat.date(file.receivedOn()) + ").");
        }
        if (file.suspendedSince() != null) {
            return Refusal.conflict("De beslistermijn van zaak " + file.caseNumber() + " staat stil sinds "
                    + DutchFormat.date(file.suspendedSince()) + ", omdat de gemeente op een aanvulling wacht. Een "
                    + "ingebrekestelling kan pas als de beslistermijn is verstreken (artikel 4:17 van de Algemene wet bestuursrecht).");
        }
        if (!receivedOn.isAfter(file.legalDeadline())) {
            return Refusal.conflict("De beslistermijn van zaak " + file.caseNumber() + " loopt tot en met "
                    + DutchFormat.date(file.legalDeadline()) + ". Een ingebrekestelling kan pas daarna (artikel 4:17 "
                    + "van de Algemene wet bestuursrecht).");
        }
        return null;
    }
}
