package nl.wijkzaken.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The process variable {@code mandate} read back as a {@link Mandate}, also for a case older than the mandate decisions. */
class MandateResultTest {

    private static final MandateDecision DECISION = new MandateDecision("wijkzaken-2026",
            "Mandaat- en ondertekeningsbesluit wijkzaken 2026", "Gemeenteblad 2025, 412345", LocalDate.of(2025, 12, 16));

    private final Mandates mandates = new Mandates(Map.of("wijkzaken-2026", DECISION), () -> {
        throw new IllegalStateException("no engine needed");
    });

    @Test
    void aResultRoundTripsWithItsMandateDecisionAndSignatory() {
        Mandate mandate = new Mandate(DecisionType.AFWIJZING, "wethouder", true, "gebiedsmanager", DECISION,
                "wethouder wijkgericht werken");

        Map<String, Object> result = Mandates.asResult(mandate);

        assertThat(result).containsEntry("decisionType", "afwijzing").containsEntry("mandateDecision", "wijkzaken-2026");
        assertThat(mandates.fromResult(DecisionType.AFWIJZING, result)).isEqualTo(mandate);
    }

    @Test
    void aMandateVariableFromBeforeTheMandateDecisionsHasNone() {
        Map<String, Object> old = new HashMap<>(Map.of("decidingGroup", "gebiedsmanager", "coSignNeeded", true, "coSignGroup", "wethouder"));

        Mandate mandate = mandates.fromResult(DecisionType.TOEKENNING, old);

        assertThat(mandate.decidingGroup()).isEqualTo("gebiedsmanager");
        assertThat(mandate.coSignGroup()).isEqualTo("wethouder");
        assertThat(mandate.restsOn()).isNull();
        assertThat(mandate.signatoryFunction()).isNull();
    }
}
