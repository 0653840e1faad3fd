package nl.wijkzaken.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.shared.DutchFormat;

/**
 * The case file's own history for the dossier: resident-facing statuses, advice and decision records, and every
 * deadline event with the deadline before and after.
 */
@Component
class CaseEventEntries implements DossierSource {

    private final CaseFiles caseFiles;

    CaseEventEntries(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public List<DossierEntry> entriesFor(String caseNumber) {
        return caseFiles.events(caseNumber).stream().map(CaseEventEntries::entry).toList();
    }

    private static DossierEntry entry(CaseEvent event) {
        boolean deadline = event.type().concernsDeadline() || event.deadlineAfter() != null;
        StringBuilder summary = new StringBuilder(event.statusText() != null
                ? "Status voor de bewoner: " + event.statusText() : "Zaakdossier: " + event.type().label());
        if (event.detail() != null) {
            summary.append(" - ").append(event.detail());
        }
        if (event.deadlineBefore() != null && event.deadlineAfter() != null
                && !event.deadlineBefore().equals(event.deadlineAfter())) {
            summary.append(" (beslistermijn ").append(event.deadlineBefore()).append(" naar ").append(event.deadlineAfter()).append(')');
        }
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("eventType", event.type().code());
        if (event.deadlineBefore() != null) {
            details.put("deadlineBefore", event.deadlineBefore().toString());
        }
        if (event.deadlineAfter() != null) {
            details.put("deadlineAfter", event.deadlineAfter().toString());
        }
        return new DossierEntry(event.occurredAt().atZone(DutchFormat.ZONE).toInstant(),
                deadline ? DossierEntry.Kind.DEADLINE : DossierEntry.Kind.CASE_EVENT,
                event.actor() == null ? "systeem" : event.actor(), summary.toString(), details);
    }
}
