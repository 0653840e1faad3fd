package nl.wijkzaken.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DutchFormatTest {

    @Test
    void euroUsesDutchGroupingAndTwoDecimals() {
        assertThat(DutchFormat.euro(new BigDecimal("11000"))).isEqualTo("€ 11.000,00");
        assertThat(DutchFormat.euro(new BigDecimal("1234.5"))).isEqualTo("€ 1.234,50");
        assertThat(DutchFormat.euro(BigDecimal.ZERO)).isEqualTo("€ 0,00");
        assertThat(DutchFormat.euro(1500.0)).as("a process variable's double").isEqualTo("€ 1.500,00");
        assertThat(DutchFormat.euro((BigDecimal) null)).isNull();
    }

    @Test
    void datesAreWrittenTheWayResidentsAndStaffReadThem() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        assertThat(DutchFormat.date(day)).isEqualTo("1 december 2026");
        assertThat(DutchFormat.shortDate(day)).isEqualTo("1-12-2026");
        assertThat(DutchFormat.date(null)).isNull();
    }

    @Test
    void dateTimesAreInTheMunicipalitysZoneInWinterAndSummer() {
        assertThat(DutchFormat.dateTime(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("1-1-2027 00:30");
        assertThat(DutchFormat.dateTime(Instant.parse("2026-07-01T10:05:00Z"))).isEqualTo("1-7-2026 12:05");
        assertThat(DutchFormat.timestamp(Instant.parse("2026-07-01T10:05:09Z"))).isEqualTo("1-7-2026 12:05:09");
    }

    @Test
    void aStoredMomentKeepsItsSecondsAndTheAmsterdamOffset() {
        // A consent given at 15:51:00 in winter, and one in summer time.
        org.assertj.core.api.Assertions.assertThat(DutchFormat.isoMoment(java.time.Instant.parse("2026-12-01T14:51:00Z")))
                .isEqualTo("2026-12-01T15:51:00+01:00");
        org.assertj.core.api.Assertions.assertThat(DutchFormat.isoMoment(java.time.Instant.parse("2026-07-01T08:05:09.123Z")))
                .isEqualTo("2026-07-01T10:05:09+02:00");
    }
}
