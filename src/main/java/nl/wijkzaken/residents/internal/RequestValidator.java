package nl.wijkzaken.residents.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.neighbourhood.Neighbourhoods;

/** One set of rules for the API and the form: the Bean Validation messages of ResidentRequest plus the register. */
@Component
class RequestValidator {

    static final String UNKNOWN_NEIGHBOURHOOD = "Kies een wijk uit de lijst.";
    static final String UNKNOWN_CATEGORY = "Kies een onderwerp uit de lijst.";
    static final String UNKNOWN_DECISION_CHANNEL = "Kies hoe u het besluit wilt ontvangen: per post of per e-mail.";
    static final String UNKNOWN_CARRIED_OUT_BY = "Kies wie het uitvoert: bewoners (u zelf of uw bewonersgroep) of gemeente.";
    static final String NOT_A_CHOICE = "Kies ja (true) of nee (false).";

    /** The fields in the order of the public form: the error summary lists them so (the API answers the same order). */
    static final List<String> FORM_ORDER = List.of("applicantName", "postalStreet", "postalHouseNumber", "postalCode",
            "postalPlace", "applicantEmail", "applicantPhone", "onBehalfOfGroup", "decisionChannel", "emailConsent",
            "neighbourhood", "category", "carriedOutBy", "title", "description", "location", "amountRequested", "urgency");
    static final String UNKNOWN_URGENCY = "Kies de urgentie: normaal of acuut.";
    static final String INVALID_AMOUNT = "Vul het bedrag in als getal, bijvoorbeeld 1500 of 1500,50.";

    private final Validator validator;
    private final Neighbourhoods neighbourhoods;

    RequestValidator(Validator validator, Neighbourhoods neighbourhoods) {
        this.validator = validator;
        this.neighbourhoods = neighbourhoods;
    }

    /** Field errors in the order of the form; at most one message per field. */
    private static int position(FieldError error) {
        int index = FORM_ORDER.indexOf(error.field());
        return index < 0 ? FORM_ORDER.size() : index;
    }

    List<FieldError> validate(ResidentRequest request, List<FieldError> conversionErrors) {
        List<FieldError> errors = new ArrayList<>(conversionErrors);
        for (ConstraintViolation<ResidentRequest> violation : validator.validate(request)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        request.channelProblems().forEach((field, message) -> errors.add(new FieldError(field, message)));
        boolean neighbourhoodReported = errors.stream().anyMatch(e -> e.field().equals("neighbourhood"));
        if (!neighbourhoodReported && !neighbourhoods.exists(request.neighbourhood())) {
            errors.add(new FieldError("neighbourhood", UNKNOWN_NEIGHBOURHOOD));
        }
        // A conversion error (unknown code) explains more than the @NotNull that follows from it.
        List<FieldError> oneEach = new ArrayList<>();
        for (FieldError error : errors) {
            if (oneEach.stream().noneMatch(e -> e.field().equals(error.field()))) {
                oneEach.add(error);
            }
        }
        oneEach.sort(Comparator.comparing(RequestValidator::position));
        return oneEach;
    }
}
