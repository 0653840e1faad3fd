package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Browser;
import nl.wijkzaken.support.CaseDriver;
import nl.wijkzaken.support.RequiresBrowser;

/**
 * An auditor in a real browser: finds the lifecycle case (incomplete, supplemented, a negative advice,
 * deliberation, co-signed decision), reads who decided on which mandate rule and within the deadline, the
 * deadline's history and the timeline, and reaches the exports. The summary is also written to
 * target/dossier-excerpt.txt, the source of the README's excerpt.
 */
@RequiresBrowser
@ApplicationTest
class AuditPagesControllerTest {

    private static String caseNumber;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired TestRestTemplate http;

    WebDriver browser;

    @BeforeEach
    void aDecidedCase() {
        if (caseNumber == null) {
            try {
                caseNumber = new CaseDriver(context).fullLifecycle().caseNumber();
            } finally {
                CaseDriver.resetClock();
            }
        }
        browser = Browser.start();
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAuditorFindsTheCaseAndReadsWhoDecidedOnWhichRuleWithinTheDeadline() throws IOException {
        browser.get("http://auditor:demo@localhost:" + port + "/audit");
        assertThat(browser.getTitle()).isEqualTo("Zaken zoeken - Wijkzaken audit");
        browser.findElement(By.id("caseNumber")).sendKeys(caseNumber);
        browser.findElement(By.id("search")).click();
        WebElement results = Browser.await(browser, By.id("results-table"));
        assertThat(results.findElements(By.cssSelector("tbody tr"))).singleElement().satisfies(row -> assertThat(row.getText())
                .contains(caseNumber, "Breukelen", "Toegekend", "gebiedsmanager (gebiedsmanager)", "binnen de termijn"));
        assertThat(results.findElements(By.cssSelector("thead th[scope=col]"))).hasSize(8);
        Browser.screenshot(browser, "audit-1-search");

        browser.findElement(By.linkText(caseNumber)).click();
        assertThat(Browser.await(browser, By.id("case-number")).getText()).isEqualTo("Dossier " + caseNumber);
        // First what was asked, what was decided and why, with people by name.
        assertThat(text("story-asked")).isNotBlank();
        assertThat(text("summary-outcome")).startsWith("Toegekend: €").contains("11.000,00");
        assertThat(text("story-reasons")).isNotBlank().doesNotContain("Nog geen motivering");
        assertThat(text("summary-decided-by")).startsWith("Gert Gebied (Gebiedsmanagers, rol gebiedsmanager), op ");
        assertThat(text("summary-co-signed-by")).startsWith("Wilma Wethouder (Wethouders, rol wethouder), op ");
        assertThat(text("summary-mandate")).contains("Tabel 'Besluitmandaat' (versie 1)",
                "Te besluiten bedrag (EUR): meer dan € 10.000,00 tot en met € 25.000,00",
                "Te besluiten bedrag (EUR): € 11.000,00", "besluit door: Gebiedsmanagers",
                "medeondertekening door: Wethouders");
        // No engine codes, rule ids or user ids anywhere on the page.
        assertThat(browser.findElement(By.tagName("main")).getText())
                .doesNotContain("]10000", "decidingGroup", "coSignGroup", "mandate-area-cosign", "BERICHT_VERSTUURD",
                        "wm.breukelen", "adv.fysiek", "DeliberationDone", "procesinstantie");
        assertThat(text("summary-verdict")).startsWith("Besloten op ").contains("binnen de beslistermijn");
        List<WebElement> deadlines = browser.findElements(By.cssSelector("#deadline-history tbody tr"));
        assertThat(deadlines).extracting(row -> row.findElement(By.cssSelector("th")).getText())
                .containsExactly("Vastgesteld bij registratie", "Opgeschort", "Hervat");
        List<WebElement> resumed = deadlines.get(2).findElements(By.tagName("td"));
        assertThat(resumed.get(1).getText()).isNotEqualTo(resumed.get(2).getText());

        WebElement timeline = browser.findElement(By.id("timeline-table"));
        assertThat(timeline.findElements(By.cssSelector("thead th[scope=col]"))).extracting(WebElement::getText)
                .containsExactly("Tijdstip", "Soort", "Wie", "Wat", "Gegevens");
        String story = timeline.getText();
        assertThat(story).contains("Taak 'Besluit nemen' afgerond door Gert Gebied",
                "Taak 'Besluit medeondertekenen' afgerond door Wilma Wethouder", "Beslistabel 'Besluitmandaat'",
                "Advies fysiek (Frank Verkeer): negatief")
                .doesNotContain("Stap gestart", "regel mandate-area-cosign");
        int mainLine = timeline.findElements(By.cssSelector("tbody tr")).size();
        assertThat(browser.findElements(By.cssSelector("#models-table tbody th"))).extracting(WebElement::getText)
                .contains("Besluitmandaat", "besluit-nemen");
        Browser.screenshot(browser, "audit-2-dossier");
        Files.writeString(Path.of("target", "dossier-excerpt.txt"), browser.findElement(By.id("summary")).getText()
                + "\n\n" + browser.findElement(By.id("case-number")).getText() + "\n");

        String pdf = browser.findElement(By.id("export-pdf")).getAttribute("href");
        String csv = browser.findElement(By.id("export-csv")).getAttribute("href");
        ResponseEntity<byte[]> pdfResponse = http.withBasicAuth("auditor", "demo").getForEntity(pdf, byte[].class);
        assertThat(pdfResponse.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(pdfResponse.getBody(), 0, 5)).isEqualTo("%PDF-");
        assertThat(http.withBasicAuth("auditor", "demo").getForEntity(csv, String.class).getBody())
                .startsWith("Tijdstip (Nederlandse tijd);Soort;Wie;Omschrijving;Gegevens");

        browser.findElement(By.id("full-timeline")).click();
        Browser.await(browser, By.id("timeline-table"));
        assertThat(browser.findElements(By.cssSelector("#timeline-table tbody tr")).size()).isGreaterThan(mainLine);
        assertThat(browser.findElement(By.id("timeline-table")).getText()).contains("Stap gestart: Mandaat bepalen");
    }

    @Test
    void aWrongDateIsShownNextToItsFieldAndNothingIsSearched() {
        browser.get("http://auditor:demo@localhost:" + port + "/audit?from=31-12-2026&decidingRole=burgemeester");

        assertThat(Browser.await(browser, By.id("from-error")).getText()).contains("jjjj-mm-dd");
        WebElement from = browser.findElement(By.id("from"));
        assertThat(from.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(from.getAttribute("aria-describedby")).contains("from-error");
        assertThat(from.getAttribute("value")).isEqualTo("31-12-2026");
        assertThat(browser.findElement(By.cssSelector(".error-summary a[href='#decidingRole']")).getText())
                .contains("Onbekende rol 'burgemeester'");
        assertThat(browser.findElements(By.id("results"))).isEmpty();
        Browser.screenshot(browser, "audit-3-error");
    }

    @Test
    void otherStaffGetANoAccessPageAndStrangersMustLogIn() {
        for (String path : List.of("/audit", "/audit/dossiers/" + caseNumber)) {
            for (String user : List.of("wm.breukelen", "gebiedsmanager", "wethouder", "adv.fysiek", "balie", "procesbeheerder")) {
                ResponseEntity<String> refused = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
                assertThat(refused.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(refused.getHeaders().getContentType().toString()).startsWith("text/html");
                assertThat(refused.getBody()).contains("<h1>Geen toegang</h1>").doesNotContain("Samenvatting");
            }
            ResponseEntity<String> anonymous = http.getForEntity(path, String.class);
            assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        }
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/audit/dossiers/" + caseNumber, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> unknown = http.withBasicAuth("auditor", "demo")
                .getForEntity("/audit/dossiers/BV-1999-000001", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("Zaak niet gevonden", "BV-1999-000001");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
