package nl.wijkzaken.supplement.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.supplement.SupplementRegistrations;
import nl.wijkzaken.supplement.SupplementRegistrations.Registration;

/**
 * Bean {@code supplementRegistration}: the steps of {@code processes/supplement-registration.bpmn} ("Aanvulling
 * registreren", started from Tasklist with its start form). The starter is the person logged in to Tasklist (the
 * engine's current authentication): the first step refuses anyone who may not (403, Dutch), the second hands the
 * supplement to the case, in the same transaction as the start, so a refusal stores nothing.
 */
@Component("supplementRegistration")
public class SupplementRegistrationSteps {

    private final SupplementRegistrations registrations;

    SupplementRegistrationSteps(SupplementRegistrations registrations) {
        this.registrations = registrations;
    }

    /** "Bevoegdheid controleren". */
    public void checkStarter(DelegateExecution execution) {
        Authentication starter = starter(execution);
        registrations.checkMayRegister(text(execution, "caseNumber"), starter.getUserId(), groups(starter));
        execution.setVariable("registeredBy", starter.getUserId());
    }

    /** "Aanvulling aan de zaak toevoegen". */
    public void register(DelegateExecution execution) {
        Authentication starter = starter(execution);
        registrations.register(new Registration(text(execution, "caseNumber"), receivedOn(execution), text(execution, "channel"),
                text(execution, "supplementText"), List.of()), starter.getUserId(), groups(starter));
    }

    private static Authentication starter(DelegateExecution execution) {
        Authentication person = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (person == null || person.getUserId() == null) {
            throw Refusal.forbidden("Een aanvulling registreert een medewerker die is ingelogd.");
        }
        return person;
    }

    private static List<String> groups(Authentication person) {
        return person.getGroupIds() == null ? List.of() : person.getGroupIds();
    }

    private static LocalDate receivedOn(DelegateExecution execution) {
        Object value = execution.getVariable("receivedOn");
        if (value instanceof Date date) {
            return EngineClock.toLocalDate(date);
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip().substring(0, Math.min(10, value.toString().strip().length())));
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("De datum van ontvangst is geen datum.");
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
