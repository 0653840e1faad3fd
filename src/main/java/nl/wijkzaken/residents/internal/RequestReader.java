package nl.wijkzaken.residents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;

/**
 * Reads the JSON body of the public API within the size limit, and turns values that do not fit a field
 * (an unknown category code, text where a number belongs) into field errors instead of a generic failure.
 */
@Component
class RequestReader {

    private final ObjectMapper objectMapper;
    private final ResidentsProperties properties;

    RequestReader(ObjectMapper objectMapper, ResidentsProperties properties) {
        // Amounts as written (1e-400 stays 1e-400 and is refused, instead of becoming the double 0.0).
        this.objectMapper = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.properties = properties;
    }

    record Parsed(ResidentRequest request, List<FieldError> conversionErrors) {
    }

    private static boolean convertible(String field, JsonNode value) {
        try {
            switch (field) {
                case "category" -> Category.fromCode(value.textValue());
                case "urgency" -> Urgency.fromCode(value.textValue());
                case "decisionChannel" -> DecisionChannel.fromCode(value.textValue());
                case "carriedOutBy" -> CarriedOutBy.fromCode(value.textValue());
                case "emailConsent" -> {
                    return value.isBoolean();
                }
                default -> {
                    return value.isNumber();
                }
            }
            return value.isTextual();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    byte[] readLimited(InputStream in, long declaredLength) throws IOException {
        long limit = properties.maxBodySize().toBytes();
        if (declaredLength > limit) {
            throw PublicRefusals.tooLarge(properties.maxBodySize().toKilobytes());
        }
        byte[] body = in.readNBytes((int) limit + 1);
        if (body.length > limit) {
            throw PublicRefusals.tooLarge(properties.maxBodySize().toKilobytes());
        }
        return body;
    }

    Parsed parse(byte[] body) {
        JsonNode tree;
        try {
            tree = objectMapper.readTree(body);
        } catch (IOException e) {
            throw PublicRefusals.malformed("De inhoud is geen geldige JSON.");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw PublicRefusals.malformed("Verwacht wordt een JSON-object met de velden van het verzoek.");
        }
        // Each field converted on its own: one wrong value gives one field error, the rest are still checked.
        List<FieldError> errors = new ArrayList<>();
        for (String field : List.of("category", "urgency", "amountRequested", "decisionChannel", "emailConsent",
                "carriedOutBy")) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!convertible(field, value)) {
                errors.add(new FieldError(field, switch (field) {
                    case "category" -> RequestValidator.UNKNOWN_CATEGORY;
                    case "urgency" -> RequestValidator.UNKNOWN_URGENCY;
                    case "decisionChannel" -> RequestValidator.UNKNOWN_DECISION_CHANNEL;
                    case "carriedOutBy" -> RequestValidator.UNKNOWN_CARRIED_OUT_BY;
                    case "emailConsent" -> RequestValidator.NOT_A_CHOICE;
                    default -> RequestValidator.INVALID_AMOUNT;
                }));
                object.putNull(field);
            }
        }
        for (String field : List.of("applicantName", "applicantEmail", "applicantPhone", "onBehalfOfGroup",
                "neighbourhood", "title", "description", "location", "postalStreet", "postalHouseNumber", "postalCode",
                "postalPlace")) {
            JsonNode value = object.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                errors.add(new FieldError(field, "Vul hier tekst in."));
                object.putNull(field);
            }
        }
        try {
            return new Parsed(objectMapper.treeToValue(object, ResidentRequest.class), errors);
        } catch (JsonProcessingException e) {
            throw PublicRefusals.malformed("De inhoud past niet bij een verzoek.");
        }
    }
}
