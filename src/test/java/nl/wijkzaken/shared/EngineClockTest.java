package nl.wijkzaken.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineClockTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void readsTheEnginesClockAndCountsDaysInAmsterdam() {
        Instant newYearsNight = Instant.parse("2030-12-31T23:30:00Z");
        ClockUtil.setCurrentTime(Date.from(newYearsNight));

        assertThat(EngineClock.now()).isEqualTo(newYearsNight);
        assertThat(EngineClock.today()).as("half past midnight in Amsterdam").isEqualTo(LocalDate.of(2031, 1, 1));
        assertThat(EngineClock.toLocalDate(EngineClock.startOf(LocalDate.of(2031, 1, 1)))).isEqualTo(LocalDate.of(2031, 1, 1));
    }
}
