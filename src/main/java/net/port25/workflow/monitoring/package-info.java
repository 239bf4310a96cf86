/**
 * Monitoring: what operators watch. Metrics of the requests' changes of state and of
 * revocations, gauges read from PostgreSQL and the engine when they are scraped (briefly
 * cached), and a log line for each change of state. It decides nothing.
 */
@ApplicationModule(allowedDependencies = { "request", "revocation", "review", "events", "access" })
package net.port25.workflow.monitoring;

import org.springframework.modulith.ApplicationModule;
