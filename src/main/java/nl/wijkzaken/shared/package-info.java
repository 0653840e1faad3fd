/**
 * The vocabulary every module shares and nothing else: how Dutch readers see dates, date-times and euros
 * ({@link nl.wijkzaken.shared.DutchFormat}, one time zone), and what time it is ({@link nl.wijkzaken.shared.EngineClock},
 * the process engine's clock, so a test that moves it moves every record and timeline).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package nl.wijkzaken.shared;
