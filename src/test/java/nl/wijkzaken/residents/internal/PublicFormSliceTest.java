package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.wijkzaken.intake.ConsentSource;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;

/**
 * The public form as a slice: the controller, its real validation and the real Thymeleaf pages; no engine, no
 * database (the case registration is mocked). What a resident on a phone noticed: the error summary in the order of
 * the form with each field called by its label, "fatima@example" is no e-mail address, "1.500" is fifteen hundred,
 * and the channel for decisions with its separate consent (Awb 2:8).
 */
@WebMvcTest(controllers = PublicPagesController.class, excludeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = "nl\\.wijkzaken\\.(security|residents)\\..*Filter"))
@Import(RequestValidator.class)
@WithMockUser
class PublicFormSliceTest {

    @Autowired MockMvc mvc;
    @MockitoBean Neighbourhoods neighbourhoods;
    @MockitoBean ResidentCases cases;
    @MockitoBean StatusViews statusViews;
    @MockitoBean Supplements supplements;
    @MockitoBean EmailConsents consents;
    @MockitoBean nl.wijkzaken.penalty.Penalties penalties;
    @MockitoBean nl.wijkzaken.letters.Letters letters;

    @BeforeEach
    void register() {
        Neighbourhood breukelen = new Neighbourhood("breukelen", "Breukelen");
        when(neighbourhoods.all()).thenReturn(List.of(breukelen));
        when(neighbourhoods.exists("breukelen")).thenReturn(true);
        when(neighbourhoods.find("breukelen")).thenReturn(Optional.of(breukelen));
        when(cases.statusUrl(anyString())).thenAnswer(call -> "https://wijkzaken.example.nl/status/" + call.getArgument(0));
    }

    static MockHttpServletRequestBuilder valid() {
        return valid("bewoners");
    }

    /** A valid request but for "Wie voert het uit?" (null: not answered). */
    static MockHttpServletRequestBuilder valid(String carriedOutBy) {
        MockHttpServletRequestBuilder request = post("/").with(csrf())
                .param("applicantName", "Fatima de Vries")
                .param("postalStreet", "Kerkweg").param("postalHouseNumber", "12a").param("postalCode", "3621ab")
                .param("postalPlace", "Breukelen")
                .param("neighbourhood", "breukelen").param("category", "veiligheid").param("title", "Lantaarnpaal")
                .param("description", "Het pad naar de school is donker.").param("amountRequested", "1.500")
                .param("urgency", "normaal").param("submissionKey", "k-1");
        return carriedOutBy == null ? request : request.param("carriedOutBy", carriedOutBy);
    }

    @Test
    void theErrorSummaryFollowsTheFormAndNamesEachFieldByItsLabel() throws Exception {
        MvcResult result = mvc.perform(post("/").with(csrf())
                        .param("applicantName", "").param("applicantEmail", "fatima@example")
                        .param("postalHouseNumber", "12").param("postalCode", "1234")
                        .param("neighbourhood", "breukelen").param("title", "Lantaarnpaal")
                        .param("description", "Donker.").param("amountRequested", "1.500").param("urgency", "normaal").param("carriedOutBy", "bewoners")
                        .param("decisionChannel", "e-mail"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String page = result.getResponse().getContentAsString();
        assertThat(summary(page)).containsExactly(
                "applicantName: Vul uw naam in.",
                "postalStreet: Vul uw straat in.",
                "postalCode: Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 3601 AB.",
                "postalPlace: Vul uw woonplaats in.",
                "applicantEmail: Vul een geldig e-mailadres in.",
                "emailConsent: Geef toestemming om het besluit per e-mail te ontvangen, of kies ontvangst per post.",
                "category: Kies een onderwerp.");
        assertThat(page).as("the label the message speaks of").contains("<label for=\"category\">Onderwerp</label>")
                .as("1.500 was no problem").doesNotContain("amountRequested-error")
                .as("the consent box stays unticked").doesNotContain("checked=\"checked\" aria-invalid=\"true\"");
        verify(cases, never()).submit(any(), any(), any());
    }

    @Test
    void aValidRequestIsSubmittedWithFifteenHundredEurosByPostAndTheLinkWraps() throws Exception {
        when(cases.submit(any(), eq("form:k-1"), eq(ConsentSource.ONLINE_FORM)))
                .thenReturn(new Submission("BV-2026-000042", "A".repeat(43), false));

        MvcResult result = mvc.perform(valid()).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        ArgumentCaptor<ResidentRequest> submitted = ArgumentCaptor.forClass(ResidentRequest.class);
        verify(cases).submit(submitted.capture(), eq("form:k-1"), eq(ConsentSource.ONLINE_FORM));
        assertThat(submitted.getValue().amountRequested()).isEqualByComparingTo("1500");
        assertThat(submitted.getValue().postalCode()).isEqualTo("3621 AB");
        assertThat(submitted.getValue().decisionChannel()).isEqualTo(DecisionChannel.POST);
        assertThat(submitted.getValue().applicantEmail()).isNull();
        assertThat(result.getResponse().getContentAsString())
                .contains("class=\"status-link\"", "id=\"decision-channel\"", "per post", "U gaf geen e-mailadres op");
    }

    @Test
    void emailWithTheConsentTickedIsAccepted() throws Exception {
        when(cases.submit(any(), any(), any())).thenReturn(new Submission("BV-2026-000043", "B".repeat(43), false));

        MvcResult result = mvc.perform(valid().param("applicantEmail", "fatima@example.org")
                .param("decisionChannel", "e-mail").param("emailConsent", "true")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        ArgumentCaptor<ResidentRequest> submitted = ArgumentCaptor.forClass(ResidentRequest.class);
        verify(cases).submit(submitted.capture(), any(), eq(ConsentSource.ONLINE_FORM));
        assertThat(submitted.getValue().decisionChannel()).isEqualTo(DecisionChannel.EMAIL);
        assertThat(submitted.getValue().emailConsent()).isTrue();
        assertThat(result.getResponse().getContentAsString()).contains("per e-mail", "fatima@example.org");
    }

    @Test
    void whoCarriesItOutIsAskedWithoutADefaultAndRefusedInDutchWhenMissing() throws Exception {
        String empty = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/"))
                .andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("<legend id=\"carriedOutBy\">Wie voert het uit?</legend>",
                        "Wij zelf (bewoner of bewonersgroep)", "De gemeente", "subsidie uit het buurtbudget")
                .as("no answer is chosen for the resident").doesNotContainPattern("name=\"carriedOutBy\"[^>]*checked");

        MvcResult result = mvc.perform(valid(null)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(summary(result.getResponse().getContentAsString()))
                .containsExactly("carriedOutBy: Kies wie het uitvoert: u zelf (bewoner of bewonersgroep) of de gemeente.");
        verify(cases, never()).submit(any(), any(), any());

        MvcResult unknown = mvc.perform(valid("buren")).andReturn();
        assertThat(summary(unknown.getResponse().getContentAsString()))
                .containsExactly("carriedOutBy: " + RequestValidator.UNKNOWN_CARRIED_OUT_BY);
        verify(cases, never()).submit(any(), any(), any());
    }

    @Test
    void askingTheMunicipalityIsSubmittedAsGemeente() throws Exception {
        when(cases.submit(any(), any(), any())).thenReturn(new Submission("BV-2026-000044", "C".repeat(43), false));

        mvc.perform(valid("gemeente")).andReturn();

        ArgumentCaptor<ResidentRequest> submitted = ArgumentCaptor.forClass(ResidentRequest.class);
        verify(cases).submit(submitted.capture(), any(), any());
        assertThat(submitted.getValue().carriedOutBy()).isEqualTo(nl.wijkzaken.intake.CarriedOutBy.GEMEENTE);
    }

    /** "field: message" for each entry of the error summary, in page order. */
    static List<String> summary(String page) {
        String summary = page.substring(page.indexOf("class=\"error-summary\""), page.indexOf("</ul>", page.indexOf("class=\"error-summary\"")));
        Matcher entry = Pattern.compile("<a href=\"#([^\"]+)\">([^<]*)</a>").matcher(summary);
        List<String> entries = new ArrayList<>();
        while (entry.find()) {
            entries.add(entry.group(1) + ": " + entry.group(2));
        }
        return entries;
    }
}
