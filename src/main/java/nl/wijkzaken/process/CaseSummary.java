package nl.wijkzaken.process;

import static nl.wijkzaken.process.ProcessVariables.amount;
import static nl.wijkzaken.process.ProcessVariables.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Bean {@code caseSummary}: the compact, read-only summary of the case at the top of every task form (field
 * {@value #VARIABLE}). Any user task gets it with one create listener, {@code ${caseSummary.refresh(task)}}, and a
 * {@code caseSummary} textarea (disabled) in its form; {@code FormOpening} refreshes it whenever the form is opened,
 * so "days left" and the advices are those of the moment the person looks.
 * <p>
 * In Dutch words and euros, no codes: the request, the amount asked and the amount to decide, the completeness
 * judgements and supplements, each advice with its outcome, conditions and the cost of its own domain, the
 * deliberation, and the legal deadline with the days left. Task-local, so each task shows (and history keeps) what
 * its person saw.
 */
@Component("caseSummary")
public class CaseSummary {

    /** Task-local variable the forms' {@code caseSummary} field shows. */
    public static final String VARIABLE = "caseSummary";

    /** The engine keeps a string variable in a 4000-character column. */
    static final int MAX_LENGTH = 3900;
    private static final int MAX_TEXT = 400;

    private final CaseFiles caseFiles;

    CaseSummary(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    /** Task listener (create): sets the summary; also called when the form is opened. Writes only when it changed. */
    public void refresh(DelegateTask task) {
        String text = text(task);
        if (!text.equals(task.getVariableLocal(VARIABLE))) {
            task.setVariableLocal(VARIABLE, text);
        }
    }

    String text(VariableScope scope) {
        String caseNumber = string(scope, Variables.CASE_NUMBER);
        Optional<CaseFile> file = caseNumber == null ? Optional.empty() : caseFiles.find(caseNumber);
        List<CaseEvent> events = caseNumber == null ? List.of() : caseFiles.events(caseNumber);
        List<String> lines = new ArrayList<>();

        lines.add(join(" · ", caseNumber, string(scope, "neighbourhoodName"), string(scope, "categoryLabel")));
        lines.add("Verzoek: " + orDash(string(scope, Variables.TITLE))
                + (blank(string(scope, "description")) ? "" : ". " + shorten(string(scope, "description"))));
        String applicant = string(scope, Variables.APPLICANT_NAME);
        String group = string(scope, "onBehalfOfGroup");
        if (!blank(applicant)) {
            lines.add("Aanvrager: " + applicant + (blank(group) ? "" : ", namens " + group));
        }
        lines.add(amounts(scope));

        List<String> completeness = completeness(scope, events);
        if (!completeness.isEmpty()) {
            lines.add("Volledigheid:");
            completeness.forEach(line -> lines.add("- " + line));
        }

        List<Map<String, String>> advices = AdviceRound.advices(scope);
        if (!advices.isEmpty()) {
            lines.add("Adviezen:");
            for (Map<String, String> advice : advices) {
                lines.add("- " + capitalize(advice.get(AdviceRound.DOMAIN)) + " (" + personName(advice.get(AdviceRound.ADVISER)) + "): "
                        + advice.get(AdviceRound.OUTCOME)
                        + (blank(advice.get(AdviceRound.CONDITIONS)) ? "" : "; voorwaarden: " + shorten(advice.get(AdviceRound.CONDITIONS)))
                        + (advice.get(AdviceRound.COST) == null ? "; geen kosten opgegeven"
                                : "; kosten voor dit domein: " + DutchFormat.euro(new BigDecimal(advice.get(AdviceRound.COST)))));
            }
            if (advices.stream().anyMatch(a -> a.get(AdviceRound.COST) != null)) {
                lines.add("Kosten van alle domeinen samen: " + DutchFormat.euro(AdviceRound.totalCost(advices)));
            }
        }

        String deliberation = deliberation(scope);
        if (deliberation != null) {
            lines.add("Overleg: " + deliberation);
        }
        String decision = decision(scope);
        if (decision != null) {
            lines.add("Besluit: " + decision);
        }
        lines.add(deadline(scope, file.orElse(null)));

        String text = String.join("\n", lines);
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String amounts(VariableScope scope) {
        BigDecimal asked = amount(scope, Variables.AMOUNT_REQUESTED);
        BigDecimal toDecide = amount(scope, Variables.AMOUNT_TO_DECIDE);
        String text = "Gevraagd bedrag: " + (asked == null ? "-" : DutchFormat.euro(asked));
        if (toDecide != null) {
            text += "; te besluiten: " + DutchFormat.euro(toDecide);
            if (asked != null && toDecide.compareTo(asked) != 0) {
                // Only a written change of the application changes the amount to decide (LEGAL.md 3).
                text += " (aanvraag schriftelijk gewijzigd)";
            }
        }
        return text;
    }

    /** Every request for a supplement and every supplement received, from the case file; then the current judgement. */
    private static List<String> completeness(VariableScope scope, List<CaseEvent> events) {
        List<String> lines = new ArrayList<>();
        for (CaseEvent event : events) {
            if (event.type() == CaseEventType.DEADLINE_SUSPENDED) {
                lines.add("Incompleet, aanvulling gevraagd op " + DutchFormat.date(event.occurredAt().toLocalDate())
                        + ": " + shorten(event.detail()));
            } else if (event.type() == CaseEventType.SUPPLEMENT_RECEIVED) {
                lines.add("Aanvulling ontvangen op " + DutchFormat.date(event.occurredAt().toLocalDate())
                        + ": " + shorten(event.detail()));
            }
        }
        String judgement = string(scope, Variables.COMPLETENESS);
        String label = judgement == null ? null : switch (judgement) {
            case "compleet" -> "Compleet";
            case "incompleet" -> null; // recorded above with the request for a supplement
            case "doorsturen" -> "Doorsturen naar het bevoegde bestuursorgaan";
            case "geen-aanvraag" -> "Geen aanvraag om een besluit";
            default -> judgement;
        };
        if (label != null) {
            String motivation = string(scope, Variables.COMPLETENESS_MOTIVATION);
            lines.add(label + (blank(motivation) ? "" : ": " + shorten(motivation)));
        }
        return lines;
    }

    private static String deliberation(VariableScope scope) {
        String done = string(scope, CaseFileRecorder.DELIBERATION_SUMMARY);
        if (!blank(done)) {
            return shorten(done, 1200);
        }
        if (scope.getVariable("deliberation") instanceof Map<?, ?> rule) {
            String reason = Objects.toString(rule.get("deliberationReason"), "");
            return Boolean.TRUE.equals(rule.get("deliberationNeeded"))
                    ? "nodig (" + lowerFirst(reason) + "), nog niet gehouden"
                    : "niet nodig (" + lowerFirst(reason) + ")";
        }
        return null;
    }

    /** Shown once a decision is taken (on the co-signer's form): outcome in words, amount and who. */
    private static String decision(VariableScope scope) {
        Optional<Outcome> outcome = Optional.ofNullable(string(scope, Variables.OUTCOME)).flatMap(Outcome::ofCode)
                .filter(Outcome::isDecision);
        String by = string(scope, Variables.DECIDED_BY);
        if (outcome.isEmpty() || by == null) {
            return null;
        }
        BigDecimal decided = amount(scope, Variables.DECIDED_AMOUNT);
        return outcome.get().label() + (decided == null ? "" : ", " + DutchFormat.euro(decided)) + ", door " + personName(by);
    }

    /** A person's name as the identity service knows it (first and last name), else the login name. */
    static String personName(String userId) {
        if (blank(userId) || Context.getCommandContext() == null) {
            return orDash(userId);
        }
        User user = Context.getCommandContext().runWithoutAuthorization(() -> Context.getProcessEngineConfiguration()
                .getIdentityService().createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = join(" ", user.getFirstName(), user.getLastName());
        return name.isEmpty() ? userId : name;
    }

    private static String deadline(VariableScope scope, CaseFile file) {
        LocalDate deadline = file != null && file.legalDeadline() != null ? file.legalDeadline()
                : scope.getVariable(Variables.LEGAL_DEADLINE) instanceof Date date ? EngineClock.toLocalDate(date) : null;
        if (deadline == null) {
            return "Beslistermijn: nog niet vastgesteld";
        }
        String text = "Beslistermijn: uiterlijk " + DutchFormat.date(deadline);
        if (file != null && file.suspendedSince() != null) {
            return text + "; opgeschort sinds " + DutchFormat.date(file.suspendedSince()) + " (wacht op aanvulling)";
        }
        long days = ChronoUnit.DAYS.between(EngineClock.today(), deadline);
        return text + (days > 1 ? ", nog " + days + " dagen"
                : days == 1 ? ", nog 1 dag"
                : days == 0 ? ", dat is vandaag"
                : days == -1 ? ", 1 dag verstreken" : ", " + (-days) + " dagen verstreken");
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (!blank(part)) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }

    private static String shorten(String text) {
        return shorten(text, MAX_TEXT);
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    private static String capitalize(String word) {
        return blank(word) ? "-" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String lowerFirst(String text) {
        return blank(text) ? "" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String orDash(String text) {
        return blank(text) ? "-" : text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
