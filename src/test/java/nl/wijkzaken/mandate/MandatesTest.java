package nl.wijkzaken.mandate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.wijkzaken.support.ApplicationTest;

/**
 * The application's {@link Mandates}: the mandate decision as application.yml enters it, on the table the application
 * deployed, callable by other modules without a process (e.g. the penalty of Awb 4:18 on a case file).
 */
@ApplicationTest
class MandatesTest {

    @Autowired Mandates mandates;

    @Test
    void aPenaltyOfTheMaximum1442IsFixedByTheGebiedsmanagerUnderTheConfiguredMandateDecision() {
        Mandate mandate = mandates.of(DecisionType.DWANGSOM, new BigDecimal("1442.00"), "spelen-en-sport", "wijkmanager-loenen");

        assertThat(mandate.decidingGroup()).isEqualTo("gebiedsmanager");
        assertThat(mandate.coSignNeeded()).isFalse();
        assertThat(mandate.restsOn()).isEqualTo(new MandateDecision("wijkzaken-2026",
                "Mandaat- en ondertekeningsbesluit wijkzaken 2026", "Gemeenteblad 2025, 412345", LocalDate.of(2025, 12, 16)));
        assertThat(mandate.onBehalfOf()).isEqualTo("namens het college van burgemeester en wethouders, gebiedsmanager");
    }

    @Test
    void aSettlementWithinTheOwnersMandateIsTheOwnersAndAnUnknownMandateDecisionIsNamed() {
        assertThat(mandates.of(DecisionType.VASTSTELLING, new BigDecimal("2400"), "sociaal-en-ontmoeting", "wijkmanager-loenen")
                .decidingGroup()).isEqualTo("wijkmanager-loenen");
        assertThatThrownBy(() -> mandates.decision("mandaat-1999"))
                .hasMessageContaining("mandaat-1999").hasMessageContaining("wijkzaken.mandate.decisions");
    }
}
