package nl.wijkzaken.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The intake's own rules, shared by the public form, the API and the process's registration step: the postal address
 * (Awb 4:2) with a Dutch postcode, and the channel for decisions with express consent for e-mail (Awb 2:8 as changed
 * on 1 January 2026).
 */
class ResidentRequestRulesTest {

    static jakarta.validation.ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static ResidentRequest request(String email, String postalCode, String houseNumber, DecisionChannel channel,
                                   Boolean consent) {
        return new ResidentRequest("Fatima de Vries", email, null, null, "breukelen", Category.VEILIGHEID, "Lantaarnpaal",
                "Het pad is donker.", new BigDecimal("120.00"), Urgency.NORMAAL, null, "Kerkweg", houseNumber, postalCode,
                "Breukelen", channel, consent, CarriedOutBy.BEWONERS);
    }

    static Map<String, String> violations(ResidentRequest request) {
        return validator.validate(request).stream().collect(Collectors.toMap(
                violation -> violation.getPropertyPath().toString(), ConstraintViolation::getMessage, (a, b) -> a));
    }

    @ParameterizedTest(name = "\"{0}\" is written \"{1}\"")
    @CsvSource(delimiter = '|', value = {"3621AB|3621 AB", "3621 ab|3621 AB", " 3621  Ab |3621 AB", "3621 AB|3621 AB"})
    void aPostcodeIsWrittenTheDutchWay(String typed, String written) {
        ResidentRequest request = request(null, typed, "12", null, null);

        assertThat(request.postalCode()).isEqualTo(written);
        assertThat(violations(request)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is no Dutch postcode")
    @ValueSource(strings = {"362 AB", "0621 AB", "3621 A", "3621 SS", "3621 SA", "3621 SD", "36211 AB", "AB 3621", "3621-AB"})
    void somethingElseIsNoPostcode(String typed) {
        assertThat(violations(request(null, typed, "12", null, null)))
                .containsEntry("postalCode", "Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 3601 AB.");
    }

    @ParameterizedTest(name = "house number \"{0}\"")
    @ValueSource(strings = {"12", "12a", "12 A", "12-2", "12 bis", "1024-3 hoog"})
    void aHouseNumberMayHaveAnAddition(String houseNumber) {
        assertThat(violations(request(null, "3621 AB", houseNumber, null, null))).isEmpty();
    }

    @ParameterizedTest(name = "house number \"{0}\"")
    @ValueSource(strings = {"twaalf", "0", "a12", "12 a b c"})
    void aHouseNumberStartsWithItsNumber(String houseNumber) {
        assertThat(violations(request(null, "3621 AB", houseNumber, null, null))).containsEntry("postalHouseNumber",
                "Vul uw huisnummer in, eventueel met toevoeging, bijvoorbeeld 12, 12a of 12-2.");
    }

    @Test
    void withoutAnAddressTheRequestNamesEachMissingPart() {
        ResidentRequest request = new ResidentRequest("Fatima de Vries", null, null, null, "breukelen",
                Category.VEILIGHEID, "Lantaarnpaal", "Donker.", BigDecimal.TEN, Urgency.NORMAAL, null, null, " ", null, null,
                null, null, CarriedOutBy.BEWONERS);

        assertThat(violations(request)).containsEntry("postalStreet", "Vul uw straat in.")
                .containsEntry("postalHouseNumber", "Vul uw huisnummer in.")
                .containsEntry("postalCode", "Vul uw postcode in.")
                .containsEntry("postalPlace", "Vul uw woonplaats in.");
    }

    @ParameterizedTest(name = "\"{0}\" is no e-mail address")
    @ValueSource(strings = {"fatima@example", "fatima@example.", "fatima-at-example.org", "fatima@.nl", "fatima@example.n"})
    void anEmailAddressNeedsADomainWithADot(String email) {
        assertThat(violations(request(email, "3621 AB", "12", null, null)))
                .containsEntry("applicantEmail", "Vul een geldig e-mailadres in.");
    }

    @Test
    void postIsTheDefaultAndNeedsNoEmailAddress() {
        ResidentRequest request = request("  ", "3621 AB", "12", null, null);

        assertThat(request.decisionChannel()).isEqualTo(DecisionChannel.POST);
        assertThat(request.emailConsent()).isFalse();
        assertThat(request.applicantEmail()).as("an empty address is none").isNull();
        assertThat(violations(request)).isEmpty();
        assertThat(request.channelProblems()).isEmpty();
    }

    @Test
    void emailForDecisionsNeedsTheSeparateConsentAndAnAddress() {
        assertThat(request(null, "3621 AB", "12", DecisionChannel.EMAIL, false).channelProblems()).containsExactly(
                Map.entry("applicantEmail", "Vul uw e-mailadres in: u kiest ervoor het besluit per e-mail te ontvangen."),
                Map.entry("emailConsent", "Geef toestemming om het besluit per e-mail te ontvangen, of kies ontvangst per post."));
        assertThat(request("fatima@example.org", "3621 AB", "12", DecisionChannel.EMAIL, null).channelProblems())
                .as("an e-mail address is no consent").containsOnlyKeys("emailConsent");
        assertThat(request("fatima@example.org", "3621 AB", "12", DecisionChannel.EMAIL, true).channelProblems()).isEmpty();
    }

    @Test
    void consentWhileChoosingPostIsAContradictionTheResidentResolves() {
        assertThat(request("fatima@example.org", "3621 AB", "12", DecisionChannel.POST, true).channelProblems())
                .containsOnlyKeys("emailConsent");
    }

    @Test
    void theChannelCodesAreThoseOfTheProcessVariable() {
        assertThat(DecisionChannel.fromCode("post")).isEqualTo(DecisionChannel.POST);
        assertThat(DecisionChannel.fromCode("e-mail")).isEqualTo(DecisionChannel.EMAIL);
        assertThat(DecisionChannel.EMAIL.words()).isEqualTo("per e-mail");
    }

    @Test
    void whoCarriesItOutIsRequiredAndSpeaksDutch() {
        ResidentRequest request = new ResidentRequest("Fatima de Vries", null, null, null, "breukelen", Category.VEILIGHEID,
                "Lantaarnpaal", "Het pad is donker.", new BigDecimal("120.00"), Urgency.NORMAAL, null, "Kerkweg", "12",
                "3621 AB", "Breukelen", null, null, null);

        assertThat(violations(request)).containsEntry("carriedOutBy",
                "Kies wie het uitvoert: u zelf (bewoner of bewonersgroep) of de gemeente.");
        assertThat(CarriedOutBy.fromCode("gemeente")).isEqualTo(CarriedOutBy.GEMEENTE);
        assertThat(CarriedOutBy.BEWONERS.label()).isEqualTo("Wij zelf (bewoner of bewonersgroep)");
        assertThatThrownBy(() -> CarriedOutBy.fromCode("buren")).hasMessage("Onbekend antwoord op 'Wie voert het uit?': buren");
    }
}
