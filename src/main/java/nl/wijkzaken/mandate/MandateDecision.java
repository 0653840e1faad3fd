package nl.wijkzaken.mandate;

import java.time.LocalDate;

/**
 * A mandate decision (mandaatbesluit) of the college, as the municipality entered it in
 * {@code wijkzaken.mandate.decisions.<key>}: what a letter cites when it says "namens het college" (Awb 10:10).
 *
 * @param key       the name the mandate table's output {@code mandateDecision} uses
 * @param title     e.g. "Mandaatbesluit wijkzaken 2026"
 * @param reference where it was published, e.g. "Gemeenteblad 2025, 412345"
 * @param date      the day the college took it
 */
public record MandateDecision(String key, String title, String reference, LocalDate date) {
}
