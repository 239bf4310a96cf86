/**
 * The REST API for customers, the dashboard and staff: requests, service access, the
 * customer switch and staff revocation, with every error as a problem detail.
 */
@ApplicationModule(
		allowedDependencies = { "request", "intake", "enablement", "revocation", "access", "audit", "system" })
package net.port25.workflow.api;

import org.springframework.modulith.ApplicationModule;
