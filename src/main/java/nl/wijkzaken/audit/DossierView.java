package nl.wijkzaken.audit;

import nl.wijkzaken.audit.DossierEntry.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.shared.DutchFormat;

/**
 * The dossier as the page shows it: every value already written out in Dutch (dates in the municipality's time
 * zone, amounts in euros), so the template only places text.
 */
record DossierView(String caseNumber, String processInstanceId, String state, Facts facts, Summary summary,
                   List<DeadlineRow> deadlineHistory, List<CaseDossier.ModelVersion> models, List<Row> timeline,
                   boolean full, int totalEntries) {

    /** The main line of the story; steps and variable values are in the full timeline and the exports. */
    private static final Set<Kind> DETAIL_KINDS = Set.of(Kind.STEP_STARTED, Kind.STEP_ENDED, Kind.VARIABLE_CHANGED);

    record Facts(String title, String neighbourhood, String receivedOn, String status) {
    }

    record Summary(String outcome, String decidedBy, String coSignedBy, String mandateRule, String mandateConditions,
                   String mandateInputs, String mandateOutputs, String legalDeadline, String deadlineVerdict,
                   boolean late) {
    }

    record DeadlineRow(String when, String event, String before, String after, String description) {
    }

    record Row(String when, String kind, String actor, String summary, String details) {
    }

    static DossierView of(CaseDossier dossier, boolean full, ObjectMapper json) {
        DossierSummary s = dossier.summary();
        Facts facts = new Facts(orDash(s.title()), orDash(s.neighbourhood()), date(s.receivedOn()), orDash(s.status()));
        DossierSummary.MandateRule mandate = s.mandate();
        Summary summary = new Summary(
                s.outcome() == null ? "Nog geen besluit"
                        : DossierSearches.label(s.outcome()) + (s.decidedAmount() == null ? "" : ", " + euro(s.decidedAmount())),
                actor(s.decidedBy(), s.decidedAt()),
                s.coSignedBy() == null ? "Niet van toepassing of (nog) niet gegeven" : actor(s.coSignedBy(), s.coSignedAt()),
                mandate == null ? "Geen mandaatbeslissing (nog niet bepaald, of snelle afhandeling door de eigenaar)"
                        : mandate.decisionName() + " (" + mandate.decisionKey() + ", versie " + mandate.version()
                        + "), regel " + mandate.ruleId()
                        + (mandate.annotation() == null || mandate.annotation().isBlank() ? "" : ": " + mandate.annotation()),
                mandate == null ? null : conditions(mandate.conditions()),
                mandate == null ? null : join(mandate.inputs()),
                mandate == null ? null : join(mandate.outputs()),
                date(s.legalDeadline()) + (s.deadlineExtended() ? " (verlengd)" : ""),
                s.deadlineVerdict(),
                s.daysAfterDeadline() != null && s.daysAfterDeadline() > 0);
        List<DeadlineRow> deadlines = s.deadlineHistory().stream()
                .map(change -> new DeadlineRow(when(change.at()),
                        deadlineEvent(change.eventType()),
                        date(change.before()), date(change.after()), change.description()))
                .toList();
        List<Row> rows = dossier.timeline().stream()
                .filter(entry -> full || !DETAIL_KINDS.contains(entry.kind()))
                .map(entry -> new Row(when(entry.at()), entry.kind().label(), entry.actor(), entry.summary(),
                        entry.details().isEmpty() ? null : pretty(json, entry.details())))
                .toList();
        return new DossierView(dossier.caseNumber(), dossier.processInstanceId(),
                "COMPLETED".equals(dossier.state()) ? "Afgerond" : "ACTIVE".equals(dossier.state()) ? "Lopend"
                        : dossier.state(),
                facts, summary, deadlines, dossier.models(), rows, full, dossier.timeline().size());
    }

    /** The only status event with a deadline is the registration, which sets the first one. */
    private static String deadlineEvent(String eventType) {
        return CaseEventType.ofCode(eventType)
                .map(type -> type == CaseEventType.STATUS ? "Vastgesteld bij registratie" : type.label())
                .orElse(orDash(eventType));
    }

    private static String actor(DossierSummary.Actor actor, Instant at) {
        if (actor == null) {
            return "Nog niemand";
        }
        StringBuilder text = new StringBuilder(actor.user());
        if (actor.group() != null) {
            text.append(" (groep ").append(actor.group());
            if (actor.role() != null) {
                text.append(", rol ").append(actor.role());
            }
            text.append(')');
        }
        if (at != null) {
            text.append(", op ").append(when(at));
        }
        return text.toString();
    }

    /** A rule's tests; "-" (DMN for "any value") is written out. */
    private static String conditions(Map<String, String> tests) {
        return tests.entrySet().stream()
                .map(e -> e.getKey() + " = " + ("-".equals(e.getValue()) ? "elke waarde" : e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String join(Map<String, ?> values) {
        return values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String pretty(ObjectMapper json, Map<String, Object> details) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return String.valueOf(details);
        }
    }

    static String when(Instant at) {
        return at == null ? "-" : DutchFormat.dateTime(at);
    }

    static String date(LocalDate date) {
        return date == null ? "-" : DutchFormat.shortDate(date);
    }

    static String euro(BigDecimal amount) {
        return DutchFormat.euro(amount);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
