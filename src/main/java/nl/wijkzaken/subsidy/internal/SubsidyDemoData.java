package nl.wijkzaken.subsidy.internal;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.AllocationRule;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/**
 * A demo regulation for this year and next year, each published on 15 November of the year before with a ceiling
 * per demo neighbourhood (application-demo.yml), so both are usable for grants (Awb 4:27 lid 1); every ceiling act
 * books the neighbourhood's ledger. Idempotent: a regulation or ceiling that exists is left alone, so a restart
 * records no second act. A demo database from before the ceilings (budgets without acts) gets its acts; the ledger
 * books nothing when the amount is the same.
 */
@Component
@Order(100) // after the demo module has registered the neighbourhoods
@ConditionalOnProperty(name = "wijkzaken.demo-data.enabled", havingValue = "true")
@EnableConfigurationProperties(SubsidyProperties.class)
class SubsidyDemoData implements ApplicationRunner {

    static final String ACTOR = "demo-data";
    private static final Logger log = LoggerFactory.getLogger(SubsidyDemoData.class);

    private final SubsidyProperties properties;
    private final SubsidyRegulations regulations;
    private final Neighbourhoods neighbourhoods;

    SubsidyDemoData(SubsidyProperties properties, SubsidyRegulations regulations, Neighbourhoods neighbourhoods) {
        this.properties = properties;
        this.regulations = regulations;
        this.neighbourhoods = neighbourhoods;
    }

    /**
     * This year's and next year's: a council adopts next year's regulation in the autumn, and a demo (or a test that
     * moves the clock a few days in late December) decides on requests across the turn of the year.
     */
    @Override
    public void run(ApplicationArguments args) {
        int thisYear = EngineClock.today().getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            String name = name(year);
            String publication = publication(year);
            LocalDate publishedOn = publishedOn(year);
            if (regulations.ofPeriod(year).isEmpty()) {
                regulations.establish(name, "artikel 4 van de " + name, year, AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST,
                        publication, publishedOn, ACTOR);
            }
            for (SubsidyProperties.DemoCeiling demo : properties.demoCeilings()) {
                if (neighbourhoods.exists(demo.neighbourhood()) && regulations.acts(year, demo.neighbourhood()).isEmpty()) {
                    regulations.setCeiling(year, demo.neighbourhood(), demo.amount(), publication, publishedOn, ACTOR,
                            "Subsidieplafond " + year + " volgens artikel 3 van de " + name);
                }
            }
        }
        log.info("Demo subsidy regulations and ceilings present for {} and {}: {} neighbourhoods", thisYear, thisYear + 1,
                properties.demoCeilings().size());
    }

    static String name(int year) {
        return "Subsidieregeling buurtbudget Stichtse Vecht " + year;
    }

    /** A Gemeenteblad number of the year before, as the real one would be. */
    static String publication(int year) {
        return "Gemeenteblad " + (year - 1) + ", " + (200000 + year % 1000);
    }

    static LocalDate publishedOn(int year) {
        return LocalDate.of(year - 1, 11, 15);
    }
}
