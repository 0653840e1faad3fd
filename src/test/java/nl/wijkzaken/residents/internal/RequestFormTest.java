package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import nl.wijkzaken.intake.Category;
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
