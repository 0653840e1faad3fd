package nl.wijkzaken.audit;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.wijkzaken.shared.DutchFormat;

/**
 * A decision table rule's input test (FEEL unary tests, as Modeler writes them) in the words an auditor reads:
 * {@code ]10000..25000]} becomes "meer dan € 10.000,00 tot en met € 25.000,00", {@code "safety","social"} becomes
 * "safety of social", {@code -} "elke waarde". A test it does not recognise is shown as written, never dropped.
 */
final class RuleWords {

    private static final Pattern RANGE = Pattern.compile("([\\[\\]])\\s*(-?[\\d.]+)\\s*\\.\\.\\s*(-?[\\d.]+)\\s*([\\[\\]])");
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>|=)?\\s*(-?[\\d.]+)");
    private static final Pattern TEXT = Pattern.compile("\"([^\"]*)\"");

    private RuleWords() {
    }

    /**
     * @param inputLabel the column's label; amounts (label mentions "bedrag") are written in euros
     */
    static String of(String inputLabel, String test) {
        String feel = test == null ? "" : test.trim();
        if (feel.isEmpty() || feel.equals("-")) {
            return "elke waarde";
        }
        boolean money = inputLabel != null && inputLabel.toLowerCase(Locale.ROOT).contains("bedrag");
        if (feel.startsWith("not(") && feel.endsWith(")")) {
            return "niet " + of(inputLabel, feel.substring(4, feel.length() - 1));
        }
        List<String> parts = new ArrayList<>();
        for (String part : split(feel)) {
            String words = part(part.trim(), money);
            if (words == null) {
                return feel;
            }
            parts.add(words);
        }
        return String.join(" of ", parts);
    }

    private static String part(String feel, boolean money) {
        Matcher range = RANGE.matcher(feel);
        if (range.matches()) {
            String from = (range.group(1).equals("[") ? "vanaf " : "meer dan ") + number(range.group(2), money);
            String to = (range.group(4).equals("]") ? "tot en met " : "tot ") + number(range.group(3), money);
            return from + " " + to;
        }
        Matcher comparison = COMPARISON.matcher(feel);
        if (comparison.matches()) {
            String operator = comparison.group(1) == null ? "=" : comparison.group(1);
            String value = number(comparison.group(2), money);
            return switch (operator) {
                case "<" -> "minder dan " + value;
                case "<=" -> "ten hoogste " + value;
                case ">" -> "meer dan " + value;
                case ">=" -> "ten minste " + value;
                default -> value;
            };
        }
        Matcher text = TEXT.matcher(feel);
        if (text.matches()) {
            return text.group(1);
        }
        if (feel.equals("true")) {
            return "ja";
        }
        if (feel.equals("false")) {
            return "nee";
        }
        return null;
    }

    /** Splits on commas outside quotes and brackets. */
    private static List<String> split(String feel) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < feel.length(); i++) {
            char c = feel.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && c == ',' && depth <= 0) {
                parts.add(feel.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(feel.substring(start));
        return parts;
    }

    private static String number(String value, boolean money) {
        BigDecimal number = new BigDecimal(value);
        return money ? DutchFormat.euro(number) : NumberFormat.getNumberInstance(DutchFormat.LOCALE).format(number);
    }
}
