package nl.wijkzaken.security.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a deployed Camunda Form (form-js JSON) lets a person send: its keyed fields, whether each is editable, its
 * type and the form's own validation. Immutable; one per deployed form definition.
 */
record FormSchema(String id, Map<String, Field> fields) {

    /** The engine stores a string variable in a 4000-character column: no text field may hold more. */
    static final int ENGINE_TEXT_LIMIT = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Components that hold others; their children's keys are top-level variables unless the group has a path. */
    private static final Set<String> CONTAINERS = Set.of("group", "dynamiclist", "table");
    /** Keyed components that show a value but never change it. */
    private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
            "iframe", "expression", "documentPreview", "filepicker");

    enum Type { STRING, MULTILINE, NUMBER, BOOLEAN, CHOICE, CHOICES, DATE, TIME, DATETIME, UNKNOWN }

    /**
     * One keyed component. {@code editable} is false for {@code disabled}/{@code readonly} fields (their value is
     * the process's, not the person's); {@code conditional} fields may be hidden, and form-js does not submit a hidden
     * field, so their {@code required} is not demanded.
     */
    record Field(String key, String label, Type type, boolean editable, boolean required, boolean conditional,
                 BigDecimal min, BigDecimal max, Integer minLength, int maxLength, Pattern pattern, boolean email,
                 Integer decimalDigits, List<String> allowedValues) {
    }

    static FormSchema parse(String id, byte[] json) {
        try {
            JsonNode form = JSON.readTree(json);
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(form.path("components"), fields);
            return new FormSchema(id, Collections.unmodifiableMap(fields));
        } catch (IOException e) {
            throw new IllegalStateException("Deployed form " + id + " is not form-js JSON", e);
        }
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (CONTAINERS.contains(type)) {
                if (component.path("path").asText("").isEmpty()) {
                    collect(component.path("components"), fields);
                } else {
                    // A group with a path submits one nested object: not editable through this guard.
                    String key = component.path("path").asText();
                    fields.put(key, field(key, component, Type.UNKNOWN));
                }
                continue;
            }
            String key = component.path("key").asText("");
            if (key.isEmpty()) {
                continue;
            }
            fields.put(key, field(key, component, DISPLAY_ONLY.contains(type) ? Type.UNKNOWN : typeOf(component)));
        }
    }

    private static Type typeOf(JsonNode component) {
        return switch (component.path("type").asText()) {
            case "textfield" -> Type.STRING;
            case "textarea" -> Type.MULTILINE;
            case "number" -> Type.NUMBER;
            case "checkbox" -> Type.BOOLEAN;
            case "radio", "select" -> Type.CHOICE;
            case "checklist", "taglist" -> Type.CHOICES;
            case "datetime" -> switch (component.path("subtype").asText("date")) {
                case "time" -> Type.TIME;
                case "datetime" -> Type.DATETIME;
                default -> Type.DATE;
            };
            default -> Type.UNKNOWN;
        };
    }

    private static Field field(String key, JsonNode component, Type type) {
        JsonNode validate = component.path("validate");
        boolean readOnly = flag(component.path("disabled")) || flag(component.path("readonly"));
        List<String> values = null;
        if (component.has("values") && !component.has("valuesKey") && !component.has("valuesExpression")) {
            values = new ArrayList<>();
            for (JsonNode value : component.path("values")) {
                values.add(value.path("value").asText());
            }
        }
        int maxLength = validate.hasNonNull("maxLength")
                ? Math.min(validate.get("maxLength").asInt(), ENGINE_TEXT_LIMIT) : ENGINE_TEXT_LIMIT;
        String pattern = validate.path("pattern").asText("");
        return new Field(key, component.path("label").asText(key), type, !readOnly && type != Type.UNKNOWN,
                flag(validate.path("required")), component.hasNonNull("conditional"),
                decimal(validate.path("min")), decimal(validate.path("max")),
                validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null, maxLength,
                pattern.isEmpty() ? null : Pattern.compile(pattern),
                "email".equals(validate.path("validationType").asText()),
                component.hasNonNull("decimalDigits") ? component.get("decimalDigits").asInt() : null,
                values == null ? null : List.copyOf(values));
    }

    /** {@code true}, or a FEEL expression (decided per form instance in the browser: treated as set). */
    private static boolean flag(JsonNode node) {
        return node.isBoolean() ? node.booleanValue() : node.isTextual() && !node.asText().isBlank();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }
}
