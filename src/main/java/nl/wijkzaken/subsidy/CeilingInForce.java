package nl.wijkzaken.subsidy;

import java.math.BigDecimal;

/**
 * The ceiling that counts for one application: the higher of the ceiling in force when it was received and the
 * current one, so a lowering never touches an application received before it (Awb 4:27 lid 2) and a raise benefits
 * everyone.
 *
 * @param applied the act whose amount counts (cite it: amount, publication)
 * @param current the latest act, which later applications get
 */
public record CeilingInForce(SubsidyRegulation regulation, String neighbourhood, String neighbourhoodName,
                             CeilingAct applied, CeilingAct current) {

    public BigDecimal amount() {
        return applied.amount();
    }
}
