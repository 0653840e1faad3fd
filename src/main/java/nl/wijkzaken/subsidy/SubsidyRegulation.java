package nl.wijkzaken.subsidy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The subsidy regulation of one period (year): e.g. "Subsidieregeling buurtbudget Stichtse Vecht 2026", legal basis
 * "artikel 3 van de Subsidieregeling buurtbudget Stichtse Vecht 2026" (Awb 4:23), the allocation rule (4:26) and
 * its publication (e.g. "Gemeenteblad 2025, 123456").
 */
public record SubsidyRegulation(long id, String name, String legalBasis, int periodYear, AllocationRule allocationRule,
                                String publicationReference, LocalDate publishedOn, String recordedBy,
                                OffsetDateTime recordedAt) {

    /** The first day of the period: a ceiling must be published before it (Awb 4:27 lid 1). */
    public LocalDate periodStart() {
        return LocalDate.of(periodYear, 1, 1);
    }
}
