package nl.wijkzaken.casefile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Hands out case numbers BV-&lt;year&gt;-&lt;6 digits&gt;, sequential per year. The UPDATE locks the year's row
 * until the caller's transaction ends, so concurrent starts (also on several nodes) never get the same number,
 * and a rolled-back start gives its number back.
 */
@Service
public class CaseNumbers {

    private final JdbcClient jdbc;

    CaseNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String next(int year) {
        if (increment(year) == 0) {
            throw new IllegalStateException("Geen zaaknummerteller voor het jaar " + year + "; voeg die toe met een migratie.");
        }
        int number = jdbc.sql("SELECT last_number FROM case_number_counter WHERE counter_year = ?").param(year)
                .query(Integer.class).single();
        return format(year, number);
    }

    private int increment(int year) {
        return jdbc.sql("UPDATE case_number_counter SET last_number = last_number + 1 WHERE counter_year = ?")
                .param(year).update();
    }

    private static String format(int year, int number) {
        return "BV-%d-%06d".formatted(year, number);
    }
}
