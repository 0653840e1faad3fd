package nl.wijkzaken.audit;

import nl.wijkzaken.audit.DossierEntry.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseFileEntry;
import nl.wijkzaken.casefile.CaseFileRegister;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.models.ResidentRequestProcess.Decisions;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Sums up a dossier: the deciding task of resident-request ("Besluit nemen", or "Snel afhandelen" in the fast lane)
 * and its co-signature, the last evaluation of the {@code decision-mandate} table, and the legal deadline from the
 * case file with its history. The task and decision ids are the process's documented contract (README, "The
 * resident-request process").
 */
@Component
class DossierSummaries {

    static final Set<String> DECISION_TASKS = Set.of(Tasks.DECIDE, Tasks.HANDLE_FAST_LANE);

    private final ObjectProvider<CaseFileRegister> register;
    private final DecidingRoles roles;
    private final Neighbourhoods neighbourhoods;

    DossierSummaries(ObjectProvider<CaseFileRegister> register, DecidingRoles roles, Neighbourhoods neighbourhoods) {
        this.register = register;
        this.roles = roles;
        this.neighbourhoods = neighbourhoods;
    }

    /** A task of the case that was completed, by whom, for which candidate groups. */
    record CompletedTask(String taskId, String key, String name, String completedBy, List<String> candidateGroups,
                         Instant at) {
    }

    /** One matched rule of one evaluated decision table. */
    record Evaluation(String decisionKey, String decisionName, int version, String ruleId, String annotation,
                      Map<String, String> conditions, Map<String, Object> inputs, Map<String, Object> outputs,
                      Instant at) {
    }

    DossierSummary summarize(String caseNumber, List<CompletedTask> tasks, List<Evaluation> evaluations,
                             List<DossierEntry> timeline) {
        CaseFileRegister cases = register.getIfAvailable();
        CaseFileEntry file = cases == null ? null : cases.find(caseNumber).orElse(null);
        String neighbourhoodName = file == null ? null : neighbourhoods.find(file.neighbourhood())
                .map(Neighbourhood::name).orElse(file.neighbourhood());
        return summarize(file, neighbourhoodName, roles::roleOf, EngineClock.today(), tasks, evaluations, timeline);
    }

    /**
     * The rules themselves, on given data only (no database, no engine), so they are tested as plain functions.
     *
     * @param roleOf the role a group plays (role-authorizations.yml)
     * @param today  the day a running case's deadline is measured from
     */
    static DossierSummary summarize(CaseFileEntry file, String neighbourhoodName,
                                    Function<String, Optional<String>> roleOf, LocalDate today,
                                    List<CompletedTask> tasks, List<Evaluation> evaluations,
                                    List<DossierEntry> timeline) {
        CompletedTask decision = last(tasks, DECISION_TASKS);
        CompletedTask coSign = last(tasks, Set.of(Tasks.CO_SIGN_DECISION));
        if (coSign != null && (decision == null || coSign.at().isBefore(decision.at()) || !agreed(coSign, timeline))) {
            coSign = null; // refused, or a co-signature of an earlier version of the decision
        }
        DossierSummary.Actor decider = decision != null
                ? actor(decision.completedBy(), decision.candidateGroups(), roleOf)
                : file != null && (file.decidedBy() != null || file.decidingGroup() != null)
                ? actor(file.decidedBy(), file.decidingGroup() == null ? List.of() : List.of(file.decidingGroup()), roleOf)
                : null;
        Evaluation mandate = evaluations.stream()
                .filter(evaluation -> Decisions.MANDATE.equals(evaluation.decisionKey()))
                .max(Comparator.comparing(Evaluation::at)).orElse(null);

        LocalDate deadline = file == null ? null : file.legalDeadline();
        LocalDate decidedOn = file == null ? null : file.decidedOn();
        Long daysAfter = deadline != null && decidedOn != null ? ChronoUnit.DAYS.between(deadline, decidedOn) : null;
        return new DossierSummary(
                file == null ? null : file.title(),
                neighbourhoodName,
                file == null ? null : file.status(),
                file == null ? null : file.receivedOn(),
                file == null ? null : file.outcome(),
                file == null ? null : file.decidedAmount(),
                decider,
                decision == null ? null : decision.at(),
                coSign == null ? null : actor(coSign.completedBy(), coSign.candidateGroups(), roleOf),
                coSign == null ? null : coSign.at(),
                mandate == null ? null : new DossierSummary.MandateRule(mandate.decisionKey(), mandate.decisionName(),
                        mandate.version(), mandate.ruleId(), mandate.annotation(), mandate.conditions(),
                        mandate.inputs(), mandate.outputs(), mandate.at()),
                decidedOn,
                deadline,
                file == null ? null : file.suspendedSince(),
                file != null && file.deadlineExtended(),
                daysAfter,
                verdict(file, deadline, decidedOn, daysAfter, today),
                deadlineHistory(timeline),
                story(file, timeline));
    }

    /** The last value a form or the process gave each variable the story tells. */
    private static DossierSummary.Story story(CaseFileEntry file, List<DossierEntry> timeline) {
        Map<String, Object> last = new java.util.HashMap<>();
        timeline.stream()
                .filter(entry -> entry.kind() == Kind.VARIABLE_CHANGED && entry.details().get("variable") != null)
                .forEach(entry -> last.put(entry.details().get("variable").toString(), entry.details().get("newValue")));
        BigDecimal asked = file != null && file.amountRequested() != null ? file.amountRequested()
                : amount(last.get(Variables.AMOUNT_REQUESTED));
        return new DossierSummary.Story(
                file != null ? file.title() : text(last.get(Variables.TITLE)),
                text(last.get(Variables.DESCRIPTION)),
                asked,
                amount(last.get(Variables.AMOUNT_TO_DECIDE)),
                text(last.get(Variables.DECISION_MOTIVATION)),
                text(last.get(Variables.DELIBERATION_SUMMARY)),
                text(last.get(Variables.ADVICE_SUMMARY)),
                text(last.get(Variables.GRANT_SUMMARY)));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static BigDecimal amount(Object value) {
        try {
            return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString());
        } catch (NumberFormatException notAnAmount) {
            return null;
        }
    }

    private static CompletedTask last(List<CompletedTask> tasks, Set<String> keys) {
        return tasks.stream().filter(task -> keys.contains(task.key()))
                .max(Comparator.comparing(CompletedTask::at)).orElse(null);
    }

    /** The co-signer's form value; a co-signature without one (older models) counts as given. */
    private static boolean agreed(CompletedTask coSign, List<DossierEntry> timeline) {
        return timeline.stream()
                .filter(entry -> entry.kind() == Kind.VARIABLE_CHANGED)
                .filter(entry -> Variables.CO_SIGN_AGREED.equals(entry.details().get("variable"))
                        && coSign.taskId().equals(entry.details().get("taskId")))
                .reduce((first, second) -> second)
                .map(entry -> Boolean.TRUE.equals(entry.details().get("newValue"))
                        || "true".equals(String.valueOf(entry.details().get("newValue"))))
                .orElse(true);
    }

    private static DossierSummary.Actor actor(String user, List<String> groups,
                                              Function<String, Optional<String>> roleOf) {
        String group = groups.isEmpty() ? null : groups.get(0);
        return new DossierSummary.Actor(user == null ? CaseDossiers.SYSTEM : user, group,
                roleOf.apply(group).orElse(null));
    }

    private static List<DossierSummary.DeadlineChange> deadlineHistory(List<DossierEntry> timeline) {
        return timeline.stream()
                .filter(entry -> entry.kind() == Kind.DEADLINE)
                .map(entry -> new DossierSummary.DeadlineChange(entry.at(),
                        Objects.toString(entry.details().get("eventType"), null),
                        date(entry.details().get("deadlineBefore")), date(entry.details().get("deadlineAfter")),
                        entry.summary()))
                .toList();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }

    static String verdict(CaseFileEntry file, LocalDate deadline, LocalDate decidedOn, Long daysAfter,
                          LocalDate today) {
        if (file == null || deadline == null) {
            return "Geen zaakdossier: de beslistermijn is niet bekend.";
        }
        if (decidedOn != null) {
            long days = daysAfter;
            if (days > 0) {
                return "Besloten op " + DutchFormat.shortDate(decidedOn) + ", " + days(days)
                        + " na de beslistermijn (uiterlijk " + DutchFormat.shortDate(deadline) + ").";
            }
            if (days == 0) {
                return "Besloten op " + DutchFormat.shortDate(decidedOn)
                        + ", de laatste dag van de beslistermijn: binnen de termijn.";
            }
            return "Besloten op " + DutchFormat.shortDate(decidedOn) + ", binnen de beslistermijn (uiterlijk "
                    + DutchFormat.shortDate(deadline) + "; " + days(-days) + " eerder).";
        }
        if (file.suspendedSince() != null) {
            return "Nog niet besloten. De beslistermijn is opgeschort sinds " + DutchFormat.shortDate(file.suspendedSince())
                    + " (aanvulling gevraagd); zonder opschorting liep hij tot en met " + DutchFormat.shortDate(deadline) + ".";
        }
        long left = ChronoUnit.DAYS.between(today, deadline);
        if (left >= 0) {
            return "Nog niet besloten; de beslistermijn loopt tot en met " + DutchFormat.shortDate(deadline)
                    + " (nog " + days(left) + ").";
        }
        return "Nog niet besloten en de beslistermijn (tot en met " + DutchFormat.shortDate(deadline) + ") is "
                + days(-left) + " overschreden.";
    }

    private static String days(long days) {
        return days == 1 ? "1 dag" : days + " dagen";
    }
}
