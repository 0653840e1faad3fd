package nl.wijkzaken.deadline.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.wijkzaken.deadline.DateOfReceipt;
import nl.wijkzaken.deadline.LegalCalendar;

/**
 * The one {@link LegalCalendar} of the application, with the days equated by decree from configuration, and the
 * check of a date of receipt ({@link DateOfReceipt}) with its maximum days back.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LegalCalendarConfiguration.DeadlineProperties.class)
class LegalCalendarConfiguration {

    @Bean
    LegalCalendar legalCalendar(DeadlineProperties properties) {
        return new LegalCalendar(properties.equatedHolidays());
    }

    @Bean
    DateOfReceipt dateOfReceipt(DeadlineProperties properties) {
        return new DateOfReceipt(properties.receiptMaxDaysBack());
    }

    /**
     * @param equatedHolidays days the government equated to public holidays by decree (Atw art. 3 lid 3), as
     *                        published in the Staatscourant, e.g. {@code 2027-05-07}
     * @param receiptMaxDaysBack  how many days before the registration the date of receipt the front office enters
     *                            may lie (default 30)
     */
    @ConfigurationProperties("wijkzaken.deadline")
    record DeadlineProperties(List<LocalDate> equatedHolidays, Integer receiptMaxDaysBack) {
        DeadlineProperties {
            equatedHolidays = equatedHolidays == null ? List.of() : List.copyOf(equatedHolidays);
            receiptMaxDaysBack = receiptMaxDaysBack == null ? 30 : receiptMaxDaysBack;
        }
    }
}
