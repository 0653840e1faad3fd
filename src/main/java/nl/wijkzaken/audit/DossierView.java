package nl.wijkzaken.audit;

import nl.wijkzaken.audit.DossierEntry.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.shared.DutchFormat;

/**
 * The dossier as the page shows it: every value already written out in Dutch (dates in the municipality's time
 * zone, amounts in euros, people and teams by name), so the template only places text. First the answers an
 * auditor looks for (what was asked, what was decided and why), then the technical timeline.
 */
record DossierView(String caseNumber, String state, Facts facts, Story story, Summary summary,
                   List<DeadlineRow> deadlineHistory, List<ModelRow> models, List<Row> timeline,
                   boolean full, int totalEntries) {

    /** The main line of the story; steps and variable values are in the full timeline and the exports. */
    private static final Set<Kind> DETAIL_KINDS = Set.of(Kind.STEP_STARTED, Kind.STEP_ENDED, Kind.VARIABLE_CHANGED);

    /** Facts behind an entry that only the engine needs (ids, keys, durations): left out of what people read. */
    private static final Set<String> ENGINE_DETAILS = Set.of("taskId", "taskDefinitionKey", "activityId",
            "activityType", "decisionKey", "durationMs", "ruleId", "version");

    /** The names of an entry's facts as an auditor reads them. */
    private static final Map<String, String> DETAIL_LABELS = Map.ofEntries(
            Map.entry("variable", "gegeven"), Map.entry("oldValue", "oude waarde"), Map.entry("newValue", "nieuwe waarde"),
            Map.entry("eventType", "soort"), Map.entry("deadlineBefore", "beslistermijn ervoor"),
            Map.entry("deadlineAfter", "beslistermijn erna"), Map.entry("candidateGroups", "klaargezet voor"),
            Map.entry("assignee", "toegewezen aan"), Map.entry("previousAssignee", "eerder toegewezen aan"),
            Map.entry("completedBy", "afgerond door"), Map.entry("due", "uiterlijk"), Map.entry("reason", "afloop"),
            Map.entry("inputs", "invoer"), Map.entry("matchedRules", "toegepaste regels"),
            Map.entry("annotation", "toelichting"), Map.entry("conditions", "voorwaarden"),
            Map.entry("outputs", "uitkomst"), Map.entry("property", "eigenschap"));

    /** Output columns of the mandate table in words. */
    private static final Map<String, String> MANDATE_OUTPUTS = Map.of(
            "decidingGroup", "besluit door", "coSignGroup", "medeondertekening door",
            "coSignRequired", "medeondertekening nodig", "mandateDecision", "mandaatbesluit",
            "signatoryFunction", "ondertekent als");

    record Facts(String title, String neighbourhood, String receivedOn, String status) {
    }

    /** What was asked, what was decided and why: the first thing on the page. */
    record Story(String asked, String description, String amountAsked, String decision, String reasons,
                 String deliberation, String advice, String decidedBy, String coSignedBy, String deadline,
                 boolean late, String grant) {
    }

    record Summary(String mandateRule, String mandateConditions, String mandateInputs, String mandateOutputs,
                   String legalDeadline) {
    }

    record DeadlineRow(String when, String event, String before, String after, String description) {
    }

    record ModelRow(String type, String name, int version) {
    }

    record Row(String when, String kind, String actor, String summary, String details) {
    }

    static DossierView of(CaseDossier dossier, boolean full, ObjectMapper json, StaffNames.Names names) {
        DossierSummary s = dossier.summary();
        Facts facts = new Facts(orDash(s.title()), orDash(s.neighbourhood()), date(s.receivedOn()), orDash(s.status()));
        DossierSummary.Story told = s.story();
        BigDecimal asked = told == null ? null : told.amountAsked();
        Story story = new Story(
                told == null ? orDash(s.title()) : orDash(told.title()),
                told == null ? null : told.description(),
                asked == null ? "-" : euro(asked),
                decision(s, asked),
                told == null || told.reasons() == null ? "Nog geen motivering vastgelegd" : namesIn(told.reasons(), names),
                told == null ? null : namesIn(told.deliberation(), names),
                told == null ? null : namesIn(told.advice(), names),
                actor(s.decidedBy(), s.decidedAt(), names),
                s.coSignedBy() == null ? "Niet van toepassing of (nog) niet gegeven" : actor(s.coSignedBy(), s.coSignedAt(), names),
                s.deadlineVerdict(),
                s.daysAfterDeadline() != null && s.daysAfterDeadline() > 0,
                told == null ? null : told.grant());
        DossierSummary.MandateRule mandate = s.mandate();
        Summary summary = new Summary(
                mandate == null ? "Geen mandaatbeslissing (nog niet bepaald, of snelle afhandeling door de eigenaar)"
                        : "Tabel '" + mandate.decisionName() + "' (versie " + mandate.version() + ")"
                        + (mandate.annotation() == null || mandate.annotation().isBlank() ? ""
                        : ", regel '" + mandate.annotation() + "'"),
                mandate == null ? null : conditions(mandate.conditions()),
                mandate == null ? null : values(mandate.inputs(), Map.of(), names),
                mandate == null ? null : values(mandate.outputs(), MANDATE_OUTPUTS, names),
                date(s.legalDeadline()) + (s.deadlineExtended() ? " (verlengd)" : ""));
        List<DeadlineRow> deadlines = s.deadlineHistory().stream()
                .map(change -> new DeadlineRow(when(change.at()),
                        deadlineEvent(change.eventType()),
                        date(change.before()), date(change.after()), change.description()))
                .toList();
        List<ModelRow> models = dossier.models().stream()
                .map(model -> new ModelRow(modelType(model.type()), model.name() == null ? model.key() : model.name(),
                        model.version()))
                .toList();
        List<Row> rows = dossier.timeline().stream()
                .filter(entry -> full || !DETAIL_KINDS.contains(entry.kind()))
                .map(entry -> row(entry, json, names))
                .toList();
        return new DossierView(dossier.caseNumber(),
                "COMPLETED".equals(dossier.state()) ? "Afgerond" : "ACTIVE".equals(dossier.state()) ? "Lopend"
                        : "Beëindigd",
                facts, story, summary, deadlines, models, rows, full, dossier.timeline().size());
    }

    /** Every user and group id the page may name, to look up their names once. */
    static Ids idsIn(CaseDossier dossier) {
        Set<String> users = new HashSet<>();
        Set<String> groups = new HashSet<>();
        DossierSummary s = dossier.summary();
        for (DossierSummary.Actor actor : new DossierSummary.Actor[] {s.decidedBy(), s.coSignedBy()}) {
            if (actor != null) {
                users.add(actor.user());
                groups.add(actor.group());
            }
        }
        if (s.mandate() != null) {
            s.mandate().outputs().values().forEach(value -> groups.add(String.valueOf(value)));
        }
        for (DossierEntry entry : dossier.timeline()) {
            users.add(entry.actor());
            for (String key : List.of("assignee", "previousAssignee", "completedBy")) {
                if (entry.details().get(key) != null) {
                    users.add(entry.details().get(key).toString());
                }
            }
            if (entry.details().get("candidateGroups") instanceof Collection<?> candidates) {
                candidates.forEach(group -> groups.add(String.valueOf(group)));
            }
        }
        return new Ids(users, groups);
    }

    record Ids(Set<String> users, Set<String> groups) {
    }

    private static String decision(DossierSummary s, BigDecimal asked) {
        if (s.outcome() == null) {
            return "Nog geen besluit";
        }
        String text = DossierSearches.label(s.outcome());
        if (s.decidedAmount() != null) {
            text += ": " + euro(s.decidedAmount());
            if (asked != null && s.decidedAmount().compareTo(asked) != 0) {
                text += " (gevraagd was " + euro(asked) + ")";
            }
        }
        return text;
    }

    private static Row row(DossierEntry entry, ObjectMapper json, StaffNames.Names names) {
        Map<String, Object> shown = peopleDetails(entry.details(), names);
        return new Row(when(entry.at()), entry.kind().label(), names.person(entry.actor()),
                namesIn(entry.summary(), names), shown.isEmpty() ? null : pretty(json, shown));
    }

    /** An entry's facts with Dutch names, names instead of ids and labels instead of codes; engine ids left out. */
    static Map<String, Object> peopleDetails(Map<String, Object> details, StaffNames.Names names) {
        Map<String, Object> shown = new LinkedHashMap<>();
        details.forEach((key, value) -> {
            if (ENGINE_DETAILS.contains(key) || value == null) {
                return;
            }
            Object text = switch (key) {
                case "eventType" -> CaseEventType.ofCode(value.toString()).map(CaseEventType::label).orElse(value.toString());
                case "deadlineBefore", "deadlineAfter" -> date(LocalDate.parse(value.toString()));
                case "assignee", "previousAssignee", "completedBy" -> names.person(value.toString());
                case "candidateGroups" -> value instanceof Collection<?> groups
                        ? groups.stream().map(group -> names.group(String.valueOf(group))).collect(Collectors.joining(", "))
                        : value;
                case "reason" -> "completed".equals(value) ? "afgerond" : "deleted".equals(value) ? "verwijderd" : value;
                case "matchedRules" -> value instanceof Collection<?> rules ? rules.stream()
                        .map(rule -> rule instanceof Map<?, ?> map ? peopleRule(map, names) : rule).toList() : value;
                default -> value;
            };
            shown.put(DETAIL_LABELS.getOrDefault(key, key), text);
        });
        return shown;
    }

    private static Map<String, Object> peopleRule(Map<?, ?> rule, StaffNames.Names names) {
        Map<String, Object> shown = new LinkedHashMap<>();
        if (rule.get("annotation") != null && !rule.get("annotation").toString().isBlank()) {
            shown.put("toelichting", rule.get("annotation"));
        }
        if (rule.get("conditions") instanceof Map<?, ?> conditions) {
            Map<String, String> words = new LinkedHashMap<>();
            conditions.forEach((label, test) -> words.put(String.valueOf(label), RuleWords.of(String.valueOf(label), String.valueOf(test))));
            shown.put("voorwaarden", words);
        }
        if (rule.get("outputs") instanceof Map<?, ?> outputs) {
            Map<String, Object> words = new LinkedHashMap<>();
            outputs.forEach((name, value) -> words.put(MANDATE_OUTPUTS.getOrDefault(String.valueOf(name), String.valueOf(name)),
                    value == null ? "-" : names.group(String.valueOf(value))));
            shown.put("uitkomst", words);
        }
        return shown;
    }

    /** User and group ids inside a sentence ("afgerond door wm.breukelen") replaced by names. */
    static String namesIn(String text, StaffNames.Names names) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Map<String, String> known : List.of(names.people(), names.groups())) {
            for (Map.Entry<String, String> id : known.entrySet()) {
                if (!id.getKey().equals(id.getValue()) && result.contains(id.getKey())) {
                    result = Pattern.compile("(?<![\\w.-])" + Pattern.quote(id.getKey()) + "(?![\\w-]|\\.\\w)")
                            .matcher(result).replaceAll(Matcher.quoteReplacement(id.getValue()));
                }
            }
        }
        return result;
    }

    /** The only status event with a deadline is the registration, which sets the first one. */
    private static String deadlineEvent(String eventType) {
        return CaseEventType.ofCode(eventType)
                .map(type -> type == CaseEventType.STATUS ? "Vastgesteld bij registratie" : type.label())
                .orElse(orDash(eventType));
    }

    private static String actor(DossierSummary.Actor actor, Instant at, StaffNames.Names names) {
        if (actor == null) {
            return "Nog niemand";
        }
        StringBuilder text = new StringBuilder(names.person(actor.user()));
        if (actor.group() != null) {
            text.append(" (").append(names.group(actor.group()));
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

    /** A rule's tests in words; "-" (DMN for "any value") is "elke waarde". */
    private static String conditions(Map<String, String> tests) {
        return tests.entrySet().stream()
                .map(e -> e.getKey() + ": " + RuleWords.of(e.getKey(), e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String values(Map<String, ?> values, Map<String, String> labels, StaffNames.Names names) {
        List<String> parts = new ArrayList<>();
        values.forEach((key, value) -> {
            String label = labels.getOrDefault(key, key);
            String text = value == null ? "-" : key.toLowerCase().contains("group") ? names.group(value.toString())
                    : label.toLowerCase().contains("bedrag") ? amountOrText(value) : value.toString();
            parts.add(label + ": " + text);
        });
        return String.join("; ", parts);
    }

    private static String amountOrText(Object value) {
        try {
            return euro(new BigDecimal(value.toString()));
        } catch (NumberFormatException notAnAmount) {
            return value.toString();
        }
    }

    private static String modelType(String type) {
        return switch (type) {
            case "BPMN" -> "Proces";
            case "DMN" -> "Beslistabel";
            case "FORM" -> "Formulier";
            default -> type;
        };
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
