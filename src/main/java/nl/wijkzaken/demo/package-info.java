/**
 * Demo users, groups and data for a first start; off in production.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"neighbourhood"})
package nl.wijkzaken.demo;
