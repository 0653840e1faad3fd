package nl.wijkzaken.security.internal;

import nl.wijkzaken.security.internal.FormSchema.Field;
import nl.wijkzaken.security.internal.FormSchema.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

import nl.wijkzaken.refusal.Refusal;

/**
 * Checks what a person sends with a task completion or a process start against the deployed form: only its
 * editable fields, each with its type and the form's validation. A read-only field sent with the value it already
 * has (a client that sends the whole form back) is dropped, not written; a changed one is refused. Everything
 * wrong is named in one Dutch message; nothing is written then.
 */
final class FormSubmission {

    /** Roughly form-js's own e-mail check: something@something.tld, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    private FormSubmission() {
    }

    /**
     * @param formName the form as the person knows it (task or process name)
     * @param form     the deployed form, or {@code null} when the task or start event has none: then nothing may be sent
     * @param sent     the variables sent (changed in place: unchanged read-only fields are removed)
     * @param current  the current value of a variable ({@code null} at a start)
     */
    static void check(String formName, FormSchema form, Map<String, Object> sent, Function<String, Object> current) {
        List<String> problems = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, Object> variables = sent == null ? Map.of() : sent;
        for (String key : variables.keySet()) {
            Field field = form == null ? null : form.fields().get(key);
            if (field == null) {
                problems.add("Het formulier ‘" + formName + "’ kent geen veld ‘" + key + "’.");
                fields.add(key);
                continue;
            }
            Object value;
            try {
                value = plain(variables, key);
            } catch (IllegalArgumentException e) {
                problems.add("‘" + field.label() + "’ heeft geen geldige waarde.");
                fields.add(key);
                continue;
            }
            if (!field.editable()) {
                if (same(value, current.apply(key))) {
                    unchanged.add(key);
                } else {
                    problems.add("‘" + field.label() + "’ kan in het formulier ‘" + formName + "’ niet worden gewijzigd.");
                    fields.add(key);
                }
                continue;
            }
            String problem = problem(field, value);
            if (problem != null) {
                problems.add(problem);
                fields.add(key);
            }
        }
        if (form != null) {
            for (Field field : form.fields().values()) {
                if (field.editable() && field.required() && !field.conditional() && !variables.containsKey(field.key())) {
                    problems.add("‘" + field.label() + "’ is verplicht.");
                    fields.add(field.key());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(String.join(" ", problems) + " Er is niets opgeslagen.").with("fields", fields);
        }
        unchanged.forEach(variables::remove);
    }

    /** The Java value of a sent variable; only plain values (text, number, yes/no, date, list) are accepted. */
    private static Object plain(Map<String, Object> variables, String key) {
        Object raw = variables instanceof VariableMap typed ? typed.getValueTyped(key) : variables.get(key);
        if (raw instanceof TypedValue typedValue) {
            boolean primitive = typedValue.getType() == null || typedValue.getType().isPrimitiveValueType();
            Object value = typedValue.getValue();
            if (!primitive && !(value instanceof Collection<?>)) {
                throw new IllegalArgumentException(key);
            }
            return value;
        }
        if (raw == null || raw instanceof String || raw instanceof Number || raw instanceof Boolean
                || raw instanceof Date || raw instanceof Collection<?>) {
            return raw;
        }
        throw new IllegalArgumentException(key);
    }

    /** The first rule of the field the value breaks, in Dutch, or {@code null}. */
    static String problem(Field field, Object value) {
        String label = "‘" + field.label() + "’";
        if (empty(value)) {
            return field.required() ? label + " is verplicht." : null;
        }
        return switch (field.type()) {
            case STRING, MULTILINE -> value instanceof String text ? text(field, label, text) : label + " moet tekst zijn.";
            case NUMBER -> number(field, label, value);
            case BOOLEAN -> value instanceof Boolean yes
                    ? (field.required() && !yes ? label + " is verplicht." : null)
                    : label + " moet aangevinkt of niet aangevinkt zijn (true of false).";
            case CHOICE -> value instanceof String choice && (field.allowedValues() == null || field.allowedValues().contains(choice))
                    ? null : label + " moet één van: " + String.join(", ", allowed(field)) + " zijn.";
            case CHOICES -> value instanceof Collection<?> choices && choices.stream().allMatch(
                    c -> c instanceof String s && (field.allowedValues() == null || field.allowedValues().contains(s)))
                    ? null : label + " mag alleen bevatten: " + String.join(", ", allowed(field)) + ".";
            case DATE -> temporal(value, LocalDate::parse) ? null : label + " moet een datum zijn (jjjj-mm-dd).";
            case TIME -> temporal(value, LocalTime::parse) ? null : label + " moet een tijd zijn (uu:mm).";
            case DATETIME -> temporal(value, FormSubmission::dateTime) ? null : label + " moet een datum en tijd zijn.";
            case UNKNOWN -> label + " kan niet worden gewijzigd.";
        };
    }

    private static String text(Field field, String label, String text) {
        boolean multiline = field.type() == Type.MULTILINE;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowedWhitespace = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedWhitespace || Character.isSurrogate(c) && !validSurrogate(text, i)) {
                return label + " bevat tekens die niet zijn toegestaan (stuurtekens" + (multiline ? "" : " of regeleinden") + ").";
            }
        }
        if (field.required() && text.isBlank()) {
            return label + " is verplicht.";
        }
        if (text.length() > field.maxLength()) {
            return label + " mag hoogstens " + field.maxLength() + " tekens bevatten (nu " + text.length() + ").";
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            return label + " moet minstens " + field.minLength() + " tekens bevatten.";
        }
        if (field.pattern() != null && !field.pattern().matcher(text).find()) {
            return label + " heeft niet de juiste vorm.";
        }
        if (field.email() && !EMAIL.matcher(text).matches()) {
            return label + " moet een geldig e-mailadres zijn.";
        }
        return null;
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static String number(Field field, String label, Object value) {
        BigDecimal number = decimal(value);
        if (number == null) {
            return label + " moet een getal zijn.";
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            return label + " moet minstens " + field.min().toPlainString() + " zijn.";
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            return label + " mag hoogstens " + field.max().toPlainString() + " zijn.";
        }
        if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
            return label + " mag hoogstens " + field.decimalDigits() + " cijfers achter de komma hebben.";
        }
        return null;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite()) || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return null;
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : new BigDecimal(n.toString());
        }
        return null;
    }

    private static boolean temporal(Object value, Function<String, ?> parser) {
        if (value instanceof Date) {
            return true;
        }
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            parser.apply(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Object dateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text);
        }
    }

    private static List<String> allowed(Field field) {
        return field.allowedValues() == null ? List.of() : field.allowedValues();
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof String s && s.isEmpty() || value instanceof Collection<?> c && c.isEmpty();
    }

    /** Whether a read-only field was sent back as it is (numbers by value: 800 and 800.0 are the same amount). */
    static boolean same(Object sent, Object current) {
        if (empty(sent) && empty(current)) {
            return true;
        }
        BigDecimal a = decimal(sent);
        BigDecimal b = decimal(current);
        if (a != null && b != null) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(sent, current);
    }
}
