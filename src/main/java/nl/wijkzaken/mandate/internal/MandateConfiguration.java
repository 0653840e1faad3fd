package nl.wijkzaken.mandate.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.wijkzaken.mandate.MandateDecision;
import nl.wijkzaken.mandate.Mandates;

/** The one {@link Mandates} of the application, with the mandate decisions the municipality entered. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MandateConfiguration.MandateProperties.class)
class MandateConfiguration {

    @Bean
    Mandates mandates(MandateProperties properties, ObjectProvider<ProcessEngine> engine) {
        Map<String, MandateDecision> decisions = new LinkedHashMap<>();
        properties.decisions().forEach((key, entered) -> {
            if (entered.title() == null || entered.title().isBlank() || entered.date() == null) {
                throw new IllegalStateException("Het mandaatbesluit wijkzaken.mandate.decisions." + key
                        + " heeft een titel en een datum nodig.");
            }
            decisions.put(key, new MandateDecision(key, entered.title(), entered.reference(), entered.date()));
        });
        return new Mandates(decisions, engine::getObject);
    }

    /**
     * @param decisions the college's mandate decisions by the key the mandate table names
     */
    @ConfigurationProperties("wijkzaken.mandate")
    record MandateProperties(Map<String, EnteredDecision> decisions) {
        MandateProperties {
            decisions = decisions == null ? Map.of() : decisions;
        }
    }

    /**
     * @param title     e.g. "Mandaatbesluit wijkzaken 2026"
     * @param reference where it was published, e.g. "Gemeenteblad 2025, 412345"
     * @param date      the day the college took it
     */
    record EnteredDecision(String title, String reference, LocalDate date) {
    }
}
