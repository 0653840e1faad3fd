package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleWordsTest {

    @Test
    void amountRangesReadAsEuros() {
        assertThat(RuleWords.of("Bedrag", "]10000..25000]")).isEqualTo("meer dan € 10.000,00 tot en met € 25.000,00");
        assertThat(RuleWords.of("Gevraagd bedrag", "[0..2500[")).isEqualTo("vanaf € 0,00 tot € 2.500,00");
        assertThat(RuleWords.of("Bedrag", "<= 2500")).isEqualTo("ten hoogste € 2.500,00");
        assertThat(RuleWords.of("Bedrag", "> 25000")).isEqualTo("meer dan € 25.000,00");
    }

    @Test
    void textListsBooleansAndAnyValue() {
        assertThat(RuleWords.of("Categorie", "\"verkeer\",\"veiligheid\"")).isEqualTo("verkeer of veiligheid");
        assertThat(RuleWords.of("Spoed", "true")).isEqualTo("ja");
        assertThat(RuleWords.of("Categorie", "-")).isEqualTo("elke waarde");
        assertThat(RuleWords.of("Categorie", "")).isEqualTo("elke waarde");
        assertThat(RuleWords.of("Categorie", "not(\"groen\")")).isEqualTo("niet groen");
        assertThat(RuleWords.of("Aantal dagen", "[1..14]")).isEqualTo("vanaf 1 tot en met 14");
    }

    @Test
    void anUnknownExpressionIsShownAsWrittenNotDropped() {
        assertThat(RuleWords.of("Wijk", "matches(wijk, \"^m\")")).isEqualTo("matches(wijk, \"^m\")");
    }
}
