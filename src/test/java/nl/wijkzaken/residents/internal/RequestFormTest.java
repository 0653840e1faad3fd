package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.intake.Urgency;

class RequestFormTest {

    static RequestForm form(String amount) {
        RequestForm form = new RequestForm();
        form.setApplicantName("  Piet  ");
        form.setCategory("veiligheid");
        form.setUrgency("acuut");
        form.setAmountRequested(amount);
        form.setApplicantPhone("");
        return form;
    }

    @Test
    void amountsAreReadTheWayDutchResidentsWriteThem() {
        assertThat(form("1.500,50").toRequest().request().amountRequested()).isEqualByComparingTo("1500.50");
        assertThat(form("1500,5").toRequest().request().amountRequested()).isEqualByComparingTo("1500.5");
        assertThat(form("€ 750").toRequest().request().amountRequested()).isEqualByComparingTo(new BigDecimal("750"));
        assertThat(form("1500.50").toRequest().request().amountRequested()).isEqualByComparingTo("1500.50");
    }

    /** Tried on a phone: "1.500" (Dutch for fifteen hundred) was refused as "hoogstens 2 decimalen". */
    @Test
    void aDotGroupsThousandsAsInDutch() {
        assertThat(form("1.500").toRequest().request().amountRequested()).isEqualByComparingTo("1500");
        assertThat(form("€ 1.500").toRequest().request().amountRequested()).isEqualByComparingTo("1500");
        assertThat(form("125.000").toRequest().request().amountRequested()).isEqualByComparingTo("125000");
        assertThat(form("1.500,50").toRequest().request().amountRequested()).isEqualByComparingTo("1500.50");
        assertThat(form("1.5").toRequest().request().amountRequested()).as("not groups of three: a decimal point")
                .isEqualByComparingTo("1.5");
        assertThat(form("1.50").toRequest().request().amountRequested()).isEqualByComparingTo("1.50");
    }

    @Test
    void postIsTheChoiceUnlessTheResidentChoosesEmailAndTicksTheConsent() {
        RequestForm untouched = form("0");
        assertThat(untouched.toRequest().request().decisionChannel()).isEqualTo(DecisionChannel.POST);
        assertThat(untouched.toRequest().request().emailConsent()).isFalse();

        RequestForm email = form("0");
        email.setDecisionChannel("e-mail");
        email.setEmailConsent("true");
        email.setPostalCode("3621ab");
        assertThat(email.toRequest().request().decisionChannel()).isEqualTo(DecisionChannel.EMAIL);
        assertThat(email.toRequest().request().emailConsent()).isTrue();
        assertThat(email.toRequest().request().postalCode()).isEqualTo("3621 AB");

        RequestForm unknown = form("0");
        unknown.setDecisionChannel("fax");
        assertThat(unknown.toRequest().errors())
                .containsExactly(new FieldError("decisionChannel", RequestValidator.UNKNOWN_DECISION_CHANNEL));
    }

    @Test
    void textIsTrimmedEmptyBecomesNullAndCodesBecomeEnums() {
        RequestForm.Converted converted = form("0").toRequest();

        assertThat(converted.errors()).isEmpty();
        assertThat(converted.request().applicantName()).isEqualTo("Piet");
        assertThat(converted.request().applicantPhone()).isNull();
        assertThat(converted.request().category()).isEqualTo(Category.VEILIGHEID);
        assertThat(converted.request().urgency()).isEqualTo(Urgency.ACUUT);
    }

    @Test
    void valuesThatCannotBeConvertedBecomeFieldErrors() {
        RequestForm form = form("veel");
        form.setCategory("vliegtuigen");
        form.setUrgency("gisteren");

        assertThat(form.toRequest().errors()).containsExactly(
                new FieldError("category", RequestValidator.UNKNOWN_CATEGORY),
                new FieldError("urgency", RequestValidator.UNKNOWN_URGENCY),
                new FieldError("amountRequested", RequestValidator.INVALID_AMOUNT));
    }
}
