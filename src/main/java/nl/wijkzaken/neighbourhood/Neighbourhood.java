package nl.wijkzaken.neighbourhood;

/**
 * A neighbourhood (wijk or kern). {@code code} is the stable key used in DMN tables, APIs and budgets;
 * {@code name} is what people read.
 */
public record Neighbourhood(String code, String name) {
}
