package nl.wijkzaken.deadline.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.wijkzaken.deadline.LegalCalendar;

/** The one {@link LegalCalendar} of the application, with the days equated by decree from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LegalCalendarConfiguration.DeadlineProperties.class)
class LegalCalendarConfiguration {

    @Bean
    LegalCalendar legalCalendar(DeadlineProperties properties) {
        return new LegalCalendar(properties.equatedHolidays());
    }

    /**
     * @param equatedHolidays days the government equated to public holidays by decree (Atw art. 3 lid 3), as
     *                        published in the Staatscourant, e.g. {@code 2027-05-07}
     */
    @ConfigurationProperties("wijkzaken.deadline")
    record DeadlineProperties(List<LocalDate> equatedHolidays) {
        DeadlineProperties {
            equatedHolidays = equatedHolidays == null ? List.of() : List.copyOf(equatedHolidays);
        }
    }
}
