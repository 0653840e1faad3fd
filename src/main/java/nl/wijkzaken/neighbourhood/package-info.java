/**
 * The neighbourhoods, the one source of truth every other module reads.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package nl.wijkzaken.neighbourhood;
