package nl.wijkzaken.subsidy.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;

import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.CeilingAct;
import nl.wijkzaken.subsidy.CeilingInForce;
import nl.wijkzaken.subsidy.SubsidyRegulation;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/** The regulation of a period with, per neighbourhood, the ceiling in force today and every act: for API and page. */
@Component
class CeilingOverviews {

    private final SubsidyRegulations regulations;
    private final Neighbourhoods neighbourhoods;

    CeilingOverviews(SubsidyRegulations regulations, Neighbourhoods neighbourhoods) {
        this.regulations = regulations;
        this.neighbourhoods = neighbourhoods;
    }

    CeilingOverview of(int year) {
        SubsidyRegulation regulation = regulations.ofPeriod(year).orElseThrow(() -> Refusal.notFound(
                "Voor " + year + " is geen subsidieregeling vastgelegd").titled("Geen subsidieregeling"));
        List<NeighbourhoodCeiling> ceilings = neighbourhoods.all().stream().map(n -> {
            List<CeilingAct> acts = regulations.acts(year, n.code());
            // The ceiling a new application received today gets (or the latest act, when none is usable yet).
            CeilingAct current = regulations.ceilingFor(n.code(), year, EngineClock.today())
                    .map(CeilingInForce::current)
                    .orElse(acts.isEmpty() ? null : acts.get(acts.size() - 1));
            return new NeighbourhoodCeiling(n.code(), n.name(), current == null ? null : current.amount(), current,
                    regulations.whyNoCeiling(n.code(), year).orElse(null), acts);
        }).toList();
        return new CeilingOverview(regulation, ceilings);
    }

    /** One period's regulation and its ceilings. */
    record CeilingOverview(SubsidyRegulation regulation, List<NeighbourhoodCeiling> ceilings) {
    }

    /**
     * One neighbourhood's ceiling: the amount of the latest act, that act, why it cannot be used for grants (null
     * when it can: published before the period, Awb 4:27 lid 1) and every act in the order recorded.
     */
    record NeighbourhoodCeiling(String neighbourhood, String neighbourhoodName, BigDecimal ceiling, CeilingAct current,
                                String whyNoCeiling, List<CeilingAct> acts) {
    }
}
