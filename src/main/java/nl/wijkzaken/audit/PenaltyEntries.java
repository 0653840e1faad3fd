package nl.wijkzaken.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.wijkzaken.penalty.Penalties;
import nl.wijkzaken.penalty.PenaltyState;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * The penalty for a late decision as it stands now (Awb 4:17-4:18), in the dossier's deadline history: the amount so
 * far in words while it runs, the amount owed once it stopped, the decision and payment order once fixed. The
 * moments it was received, started, stopped and fixed are case events ({@link CaseEventEntries}).
 */
@Component
class PenaltyEntries implements DossierSource {

    private final Penalties penalties;

    PenaltyEntries(Penalties penalties) {
        this.penalties = penalties;
    }

    @Override
    public List<DossierEntry> entriesFor(String caseNumber) {
        return penalties.of(caseNumber).map(PenaltyEntries::entry).stream().toList();
    }

    private static DossierEntry entry(PenaltyState state) {
        LocalDate today = EngineClock.today();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("phase", state.phase(today).name());
        details.put("noticeReceivedOn", state.noticeReceivedOn().toString());
        details.put("noticeChannel", state.noticeChannel());
        details.put("firstDay", state.firstDay().toString());
        details.put("daysSoFar", state.daysSoFar(today));
        details.put("amountSoFar", state.amountSoFar(today).toPlainString());
        if (state.outcome() != null) {
            details.put("outcome", state.outcome().code());
            details.put("fixedAmount", state.fixedAmount().toPlainString());
            details.put("decidedBy", state.decidedBy());
            details.put("motivation", state.motivation());
            if (state.paymentDueOn() != null) {
                details.put("paymentTo", state.paymentTo());
                details.put("paymentDueOn", state.paymentDueOn().toString());
            }
        }
        return new DossierEntry(EngineClock.now(), DossierEntry.Kind.DEADLINE, "systeem",
                "Dwangsom bij niet tijdig beslissen, stand op " + DutchFormat.date(today) + ": " + state.inWords(today),
                details);
    }
}
