package nl.wijkzaken.refusal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The engine's own refusals that a member of staff can trigger in Tasklist or over REST, in Dutch and without ids:
 * the engine says "The user with id 'x' does not have one of the following permissions: 'TASK_WORK' permission on
 * resource '68ebc9ee-…' of type 'Task'", or "Cannot complete task 68ebc9ee-…: Cannot find task with id …". The
 * engine gives these no codes, so not-found cases are told apart by the engine's wording; anything not recognised
 * here keeps the engine REST API's own answer.
 */
final class EngineFailures {

    static final String TASK_GONE = "Deze taak bestaat niet (meer): misschien heeft een collega haar al afgerond. "
            + "Vernieuw de takenlijst.";
    static final String ALREADY_CLAIMED = "Een collega heeft deze taak al geclaimd. Vernieuw de takenlijst.";
    static final String CHANGED_MEANWHILE = "Iemand anders heeft deze zaak tegelijk gewijzigd; er is niets opgeslagen. "
            + "Laad de taak opnieuw en probeer het nog eens.";
    static final String FORM_MISSING = "Het formulier van deze taak is niet gevonden. Meld dit bij functioneel beheer.";
    static final String NOT_FOUND = "Wat u opvraagt, bestaat niet (meer).";
    static final String INVALID_FORM = "Het formulier is niet juist ingevuld. Er is niets opgeslagen.";

    /** Engine resource types, as a member of staff calls the thing (Resources#resourceName). */
    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("Task", "deze taak"),
            Map.entry("HistoricTask", "de geschiedenis van deze taak"),
            Map.entry("ProcessInstance", "deze zaak"),
            Map.entry("HistoricProcessInstance", "de geschiedenis van deze zaak"),
            Map.entry("ProcessDefinition", "dit proces"),
            Map.entry("DecisionDefinition", "deze beslistabel"),
            Map.entry("DecisionRequirementsDefinition", "deze beslistabellen"),
            Map.entry("Deployment", "deze modellen"),
            Map.entry("Filter", "dit takenfilter"),
            Map.entry("User", "deze gebruiker"),
            Map.entry("Group", "deze groep"),
            Map.entry("Tenant", "deze tenant"),
            Map.entry("Authorization", "deze rechten"),
            Map.entry("Application", "deze applicatie"),
            Map.entry("Batch", "deze batch"),
            Map.entry("OperationLog", "het logboek"));

    private EngineFailures() {
    }

    /** The engine's refusal somewhere in the cause chain, as a Refusal; empty for anything else. */
    static Optional<Refusal> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<Refusal> refusal = of(t);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> of(Throwable t) {
        if (t instanceof AuthorizationException denied) {
            return Optional.of(Refusal.forbidden(denied(denied)));
        }
        if (t instanceof TaskAlreadyClaimedException) {
            return Optional.of(Refusal.conflict(ALREADY_CLAIMED));
        }
        if (t instanceof OptimisticLockingException) {
            return Optional.of(Refusal.conflict(CHANGED_MEANWHILE));
        }
        if (t instanceof FormFieldValidatorException invalid) {
            return Optional.of(Refusal.invalid("Het veld ‘" + invalid.getId() + "’ is niet juist ingevuld. "
                    + "Er is niets opgeslagen.").with("field", invalid.getId()));
        }
        if (t instanceof FormException) {
            return Optional.of(Refusal.invalid(INVALID_FORM));
        }
        // NullValueException is also "userId is null"; only the engine's "Cannot find task with id …" is not found.
        if (t instanceof NotFoundException
                || t instanceof NullValueException && saysNotFound(t.getMessage())) {
            return Optional.of(notFound(t.getMessage()));
        }
        // The REST API's own 404 ("No matching task with id …") has no engine exception beneath it.
        if (t instanceof RestException rest && rest.getCause() == null && rest.getStatus() != null
                && rest.getStatus().getStatusCode() == 404) {
            return Optional.of(notFound(rest.getMessage()));
        }
        return Optional.empty();
    }

    private static boolean saysNotFound(String engineMessage) {
        String message = engineMessage == null ? "" : engineMessage.toLowerCase(Locale.ROOT);
        return message.contains("cannot find") || message.contains("not found") || message.contains("does not exist");
    }

    private static Refusal notFound(String engineMessage) {
        String message = engineMessage == null ? "" : engineMessage.toLowerCase(Locale.ROOT);
        if (message.contains("form")) {
            return Refusal.notFound(FORM_MISSING);
        }
        if (message.contains("task")) {
            return Refusal.notFound(TASK_GONE);
        }
        return Refusal.notFound(NOT_FOUND);
    }

    /** "U mag deze taak niet uitvoeren." from the first permission the engine found missing. */
    static String denied(AuthorizationException denied) {
        MissingAuthorization missing = denied.getMissingAuthorizations().isEmpty()
                ? null : denied.getMissingAuthorizations().get(0);
        if (missing == null) {
            return "U heeft geen recht op deze handeling.";
        }
        String what = RESOURCES.getOrDefault(missing.getResourceType(), "deze gegevens");
        return "U mag " + what + " niet " + verb(missing.getViolatedPermissionName()) + ".";
    }

    private static String verb(String permission) {
        if (permission == null) {
            return "gebruiken";
        }
        return switch (permission) {
            case "READ", "READ_VARIABLE", "READ_INSTANCE", "READ_TASK", "READ_INSTANCE_VARIABLE",
                 "READ_TASK_VARIABLE" -> "inzien";
            case "READ_HISTORY", "READ_HISTORY_VARIABLE" -> "in de geschiedenis inzien";
            case "TASK_WORK", "UPDATE_TASK", "TASK_ASSIGN", "UPDATE_TASK_VARIABLE" -> "uitvoeren of toewijzen";
            case "UPDATE", "UPDATE_VARIABLE", "UPDATE_INSTANCE", "UPDATE_INSTANCE_VARIABLE", "SUSPEND",
                 "SUSPEND_INSTANCE" -> "wijzigen";
            case "CREATE", "CREATE_INSTANCE" -> "starten of aanmaken";
            case "DELETE", "DELETE_INSTANCE", "DELETE_HISTORY" -> "verwijderen";
            case "ACCESS" -> "openen";
            default -> "gebruiken";
        };
    }

    /** The engine exception's own type name for the {@code type} of the answer (clients may switch on it). */
    static String typeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (of(t).isPresent()) {
                return t instanceof ProcessEngineException ? t.getClass().getSimpleName() : "InvalidRequestException";
            }
        }
        return "Refusal";
    }
}
