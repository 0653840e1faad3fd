/**
 * Who decides what, on which mandate (Awb 10:1-10:12): the table {@code processes/decision-mandate.dmn} names per
 * decision type the deciding group, the co-signing group, the mandate decision (mandaatbesluit) it rests on and the
 * signatory's function for "namens het college ..." (10:10); the mandate decisions themselves (title, reference,
 * date) are configuration ({@code wijkzaken.mandate.decisions}). Published API: {@link nl.wijkzaken.mandate.Mandates},
 * {@link nl.wijkzaken.mandate.Mandate}, {@link nl.wijkzaken.mandate.MandateDecision},
 * {@link nl.wijkzaken.mandate.DecisionType}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"models", "refusal"})
package nl.wijkzaken.mandate;
