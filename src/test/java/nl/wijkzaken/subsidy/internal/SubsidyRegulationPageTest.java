package nl.wijkzaken.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.subsidy.AllocationRule;
import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.support.ApplicationTest;

/**
 * The page "Subsidieregeling en plafonds" as a browser uses it: HTTP Basic, the page's CSRF token and session cookie
 * for the form. Each test owns its period (2070-2079).
 */
@ApplicationTest
class SubsidyRegulationPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    SubsidyRegulations regulations;
    @Autowired
    BudgetLedger ledger;

    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void thePageShowsTheRegulationTheCeilingInForceAndItsHistoryInDutch() throws Exception {
        establish(2070);
        regulations.setCeiling(2070, "breukelen", new BigDecimal("10000"), "Gemeenteblad 2069, 200001",
                LocalDate.of(2069, 12, 15), "gebiedsmanager", "Begroting 2070");
        regulations.setCeiling(2070, "breukelen", new BigDecimal("6000"), "Gemeenteblad 2070, 200002",
                LocalDate.of(2070, 3, 10), "gebiedsmanager", "Bezuiniging voorjaarsnota");
        regulations.setCeiling(2070, "loenen", new BigDecimal("5000"), "Gemeenteblad 2070, 200003",
                LocalDate.of(2070, 1, 12), "gebiedsmanager", "Te laat");

        HttpResponse<String> page = get("auditor", "/staff/subsidieregeling?jaar=2070");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Subsidieregeling en plafonds</h1>",
                "Subsidieregeling buurtbudget Stichtse Vecht 2070",
                "artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht 2070",
                "In volgorde van ontvangst van volledige aanvragen",
                "Gemeenteblad 2069, 200000, bekendgemaakt op 15 november 2069",
                "€ 6.000,00", "Gemeenteblad 2070, 200002 (10 maart 2070)",
                "€ 10.000,00", "15 december 2069", "Bezuiniging voorjaarsnota", "Gert Gebied",
                "Nee: Het subsidieplafond voor Loenen in 2070 is pas op 12 januari 2070 bekendgemaakt")
                .doesNotContain(">gebiedsmanager<")
                // An auditor reads, but records nothing.
                .doesNotContain("Plafondbesluit vastleggen");
    }

    @Test
    void theGebiedsmanagerRecordsAnActThroughTheForm() throws Exception {
        establish(2071);

        HttpResponse<String> posted = postAct("gebiedsmanager", 2071, Map.of("wijk", "maarssenbroek", "bedrag", "12.500,50",
                "gemeenteblad", "Gemeenteblad 2070, 200010", "datumBekendmaking", "2070-12-01", "reden", "Begroting 2071"));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow())
                .endsWith("/staff/subsidieregeling?jaar=2071&vastgelegd=maarssenbroek");
        assertThat(ledger.overview("maarssenbroek", 2071).orElseThrow().budget()).isEqualByComparingTo("12500.50");
        assertThat(regulations.acts(2071, "maarssenbroek")).singleElement()
                .satisfies(act -> assertThat(act.recordedBy()).isEqualTo("gebiedsmanager"));
        assertThat(get("gebiedsmanager", "/staff/subsidieregeling?jaar=2071&vastgelegd=maarssenbroek").body())
                .contains("Het plafondbesluit voor <span>Maarssenbroek</span> is vastgelegd.");
    }

    @Test
    void aRefusedActIsShownInDutchNextToItsFieldsAndNothingIsRecorded() throws Exception {
        establish(2074);

        HttpResponse<String> wrongInput = postAct("gebiedsmanager", 2074, Map.of("wijk", "breukelen", "bedrag", "tienduizend",
                "gemeenteblad", "Gemeenteblad 2071, 1", "datumBekendmaking", "2071-12-01", "reden", "Begroting"));
        HttpResponse<String> refused = postAct("gebiedsmanager", 2074, Map.of("wijk", "breukelen", "bedrag", "1000",
                "gemeenteblad", " ", "datumBekendmaking", "2071-12-01", "reden", "Begroting"));

        assertThat(wrongInput.statusCode()).isEqualTo(400);
        assertThat(wrongInput.body()).contains("Het plafondbesluit is niet vastgelegd",
                "Geef een bedrag in euro&#39;s, bijvoorbeeld 10.000 of 10.000,00", "value=\"tienduizend\"");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"gemeenteblad-error\"",
                "Geef de vindplaats van de bekendmaking, bijvoorbeeld Gemeenteblad 2025, 123456");
        assertThat(regulations.acts(2074, "breukelen")).isEmpty();
        assertThat(ledger.hasBudget("breukelen", 2074)).isFalse();
    }

    @Test
    void otherStaffMayNotRecordAndAnonymousCallersSeeNothing() throws Exception {
        establish(2073);

        HttpResponse<String> byWijkmanager = postAct("wm.breukelen", 2073, Map.of("wijk", "breukelen", "bedrag", "1000",
                "gemeenteblad", "Gemeenteblad 2074, 1", "datumBekendmaking", "2074-12-01", "reden", "Zelf"));
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/staff/subsidieregeling")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(byWijkmanager.statusCode()).isEqualTo(403);
        assertThat(regulations.acts(2073, "breukelen")).isEmpty();
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aYearWithoutRegulationOffersTheManagerToEstablishIt() throws Exception {
        HttpResponse<String> page = get("gebiedsmanager", "/staff/subsidieregeling?jaar=2079");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Voor <span>2079</span> is geen subsidieregeling vastgelegd",
                "Subsidieregeling <span>2079</span> vastleggen", "value=\"Subsidieregeling buurtbudget Stichtse Vecht 2079\"");
    }

    private void establish(int year) {
        regulations.establish("Subsidieregeling buurtbudget Stichtse Vecht " + year,
                "artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht " + year, year,
                AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST, "Gemeenteblad " + (year - 1) + ", 200000",
                LocalDate.of(year - 1, 11, 15), "gebiedsmanager");
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As the browser: the page first (CSRF token and session cookie), then the form. */
    private HttpResponse<String> postAct(String user, int year, Map<String, String> fields) throws Exception {
        HttpResponse<String> page = get("gebiedsmanager", "/staff/subsidieregeling?jaar=" + year);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        String body = form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/staff/subsidieregeling/" + year + "/plafonds"))
                .header("Authorization", basic(user)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
