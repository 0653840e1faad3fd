package nl.wijkzaken.subsidy.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo ceilings per neighbourhood (application-demo.yml). A municipality's own regulation and ceilings are no
 * setting: they are recorded acts, entered through the API or the staff page.
 */
@ConfigurationProperties("wijkzaken.subsidy")
record SubsidyProperties(List<DemoCeiling> demoCeilings) {

    SubsidyProperties {
        demoCeilings = demoCeilings == null ? List.of() : demoCeilings;
    }

    record DemoCeiling(String neighbourhood, BigDecimal amount) {
    }
}
