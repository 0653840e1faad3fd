package nl.wijkzaken.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseNumbers;
import nl.wijkzaken.deadline.DateOfReceipt;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.ConsentSource;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Bean {@code requestRegistration}, the first step of resident-request ("Verzoek registreren"): validates the
 * variables as a {@link ResidentRequest}, gives the case its number (also the business key) and date of receipt.
 * An invalid request fails the start with Dutch messages, so nothing is stored.
 *
 * <p>Date of receipt (Awb 4:2, 4:13): the day the request arrived, not the day it was registered. Online it is the
 * server's day; for post, desk and e-mail the front office enters it ({@code dateOfReceipt}), checked by
 * {@link DateOfReceipt} (not in the future, not too far back). The registration moment is kept as
 * {@code registeredAt}.
 */
@Component("requestRegistration")
class RequestRegistration implements JavaDelegate {

    private final Validator validator;
    private final Neighbourhoods neighbourhoods;
    private final CaseNumbers caseNumbers;
    private final DateOfReceipt dateOfReceipt;

    RequestRegistration(Validator validator, Neighbourhoods neighbourhoods, CaseNumbers caseNumbers, DateOfReceipt dateOfReceipt) {
        this.validator = validator;
        this.neighbourhoods = neighbourhoods;
        this.caseNumbers = caseNumbers;
        this.dateOfReceipt = dateOfReceipt;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        ResidentRequest request = request(execution, problems);
        problems.addAll(validator.validate(request).stream().map(ConstraintViolation::getMessage).sorted().toList());
        problems.addAll(request.channelProblems().values());
        String sourceCode = text(execution, Variables.EMAIL_CONSENT_SOURCE);
        // Tasklist's start form cannot send the source (FormGuard): a consent given there was given at the front office.
        ConsentSource source = sourceCode == null ? ConsentSource.FRONT_OFFICE : ConsentSource.ofCode(sourceCode)
                .filter(known -> known != ConsentSource.STATUS_PAGE).orElse(null);
        if (source == null) {
            problems.add("Onbekende herkomst van de toestemming: " + sourceCode + ".");
        }
        if (request.neighbourhood() != null && !request.neighbourhood().isBlank() && !neighbourhoods.exists(request.neighbourhood())) {
            problems.add("Onbekende wijk: " + request.neighbourhood());
        }
        String channel = execution.getVariable(Variables.CHANNEL) == null ? "balie" : execution.getVariable(Variables.CHANNEL).toString();
        if (!RequestIntake.CHANNELS.contains(channel)) {
            problems.add("Onbekend kanaal: " + channel);
        }
        LocalDate today = EngineClock.today();
        LocalDate receivedOn = receivedOn(execution, channel, today, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("Het verzoek is niet compleet of niet juist: "
                    + problems.stream().distinct().collect(Collectors.joining(" ")));
        }
        String caseNumber = caseNumbers.next(Year.from(EngineClock.today()).getValue());
        execution.setProcessBusinessKey(caseNumber);
        execution.setVariable(Variables.CASE_NUMBER, caseNumber);
        execution.setVariable(Variables.CHANNEL, channel);
        execution.setVariable(Variables.AMOUNT_REQUESTED, request.amountRequested().doubleValue());
        execution.setVariable(Variables.AMOUNT_TO_DECIDE, request.amountRequested().doubleValue());
        execution.setVariable(Variables.RECEIVED_ON, EngineClock.startOf(receivedOn));
        execution.setVariable(Variables.REGISTERED_AT, java.util.Date.from(EngineClock.now()));
        // "Route bepalen" reads it: the checked code, whatever spelling came in.
        execution.setVariable(Variables.CARRIED_OUT_BY, request.carriedOutBy().code());
        recordChannel(execution, request, source);
        execution.setVariable("categoryLabel", request.category().label());
        // Forms and Tasklist show the name ("Maarssen-Dorp"); tables and filters keep using the code.
        execution.setVariable("neighbourhoodName", neighbourhoods.find(request.neighbourhood()).orElseThrow().name());
    }

    /**
     * Online the server's day (what a caller sends is ignored: the resident cannot date his own request back);
     * otherwise the day the front office entered; for post and e-mail it must be entered, at the desk or by phone
     * none means today (registered while the resident is there).
     */
    private LocalDate receivedOn(DelegateExecution execution, String channel, LocalDate today, List<String> problems) {
        Object value = execution.getVariable(Variables.DATE_OF_RECEIPT);
        if (RequestIntake.ONLINE.equals(channel)) {
            return today;
        }
        if (value == null || value.toString().isBlank()) {
            if (RequestIntake.DATED_CHANNELS.contains(channel)) {
                problems.add("Vul de datum van ontvangst in: de dag waarop de brief of e-mail binnenkwam.");
            }
            return today;
        }
        LocalDate day;
        if (value instanceof java.util.Date date) {
            day = EngineClock.toLocalDate(date);
        } else {
            try {
                String text = value.toString().trim();
                day = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                problems.add("Vul de datum van ontvangst in als datum (jjjj-mm-dd).");
                return today;
            }
        }
        dateOfReceipt.problem(day, today).ifPresent(problems::add);
        return day;
    }

    /**
     * Awb 4:2 and 2:8: the postal address as normalised ("1234 AB") and the channel for decisions, with the time and
     * source of an express consent for e-mail; the case file records them when it opens ({@code caseFileRecorder}).
     */
    private static void recordChannel(DelegateExecution execution, ResidentRequest request, ConsentSource source) {
        execution.setVariable(Variables.POSTAL_STREET, request.postalStreet());
        execution.setVariable(Variables.POSTAL_HOUSE_NUMBER, request.postalHouseNumber());
        execution.setVariable(Variables.POSTAL_CODE, request.postalCode());
        execution.setVariable(Variables.POSTAL_PLACE, request.postalPlace());
        execution.setVariable(Variables.DECISION_CHANNEL, request.decisionChannel().code());
        execution.setVariable(Variables.EMAIL_CONSENT, request.emailConsent());
        boolean consent = request.decisionChannel() == DecisionChannel.EMAIL;
        execution.setVariable(Variables.EMAIL_CONSENT_AT, consent
                ? DutchFormat.isoMoment(EngineClock.now()) : null);
        execution.setVariable(Variables.EMAIL_CONSENT_SOURCE, consent ? source.code() : null);
    }

    private static ResidentRequest request(DelegateExecution execution, List<String> problems) {
        Category category = null;
        String categoryCode = text(execution, Variables.CATEGORY);
        if (categoryCode != null) {
            try {
                category = Category.fromCode(categoryCode);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage() + ".");
            }
        }
        Urgency urgency = null;
        String urgencyCode = text(execution, Variables.URGENCY);
        if (urgencyCode != null) {
            try {
                urgency = Urgency.fromCode(urgencyCode);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage() + ".");
            }
        }
        BigDecimal amount = null;
        Object amountValue = execution.getVariable(Variables.AMOUNT_REQUESTED);
        if (amountValue != null) {
            try {
                amount = new BigDecimal(amountValue.toString());
            } catch (NumberFormatException e) {
                problems.add("Vul het gevraagde bedrag in als getal.");
            }
        }
        return new ResidentRequest(text(execution, Variables.APPLICANT_NAME), text(execution, Variables.APPLICANT_EMAIL),
                text(execution, "applicantPhone"), text(execution, "onBehalfOfGroup"), text(execution, Variables.NEIGHBOURHOOD),
                category, text(execution, Variables.TITLE), text(execution, "description"), amount, urgency,
                text(execution, "location"), text(execution, Variables.POSTAL_STREET),
                text(execution, Variables.POSTAL_HOUSE_NUMBER), text(execution, Variables.POSTAL_CODE),
                text(execution, Variables.POSTAL_PLACE), decisionChannel(execution, problems), consent(execution),
                carriedOutBy(execution, problems));
    }

    /** "Wie voert het uit?": required, it decides the legal route (table request-route). */
    private static CarriedOutBy carriedOutBy(DelegateExecution execution, List<String> problems) {
        String code = text(execution, Variables.CARRIED_OUT_BY);
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return CarriedOutBy.fromCode(code);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage() + ".");
            return null;
        }
    }

    private static DecisionChannel decisionChannel(DelegateExecution execution, List<String> problems) {
        String code = text(execution, Variables.DECISION_CHANNEL);
        if (code == null || code.isBlank()) {
            return DecisionChannel.POST;
        }
        try {
            return DecisionChannel.fromCode(code);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage() + ".");
            return DecisionChannel.POST;
        }
    }

    private static boolean consent(DelegateExecution execution) {
        Object value = execution.getVariable(Variables.EMAIL_CONSENT);
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
