/**
 * Review: the risk assessment, the reviewer's decision, escalation of overdue reviews,
 * and what the review form shows.
 */
@ApplicationModule(
		allowedDependencies = { "request", "inventory", "access", "audit", "staff", "enablement", "revocation" })
package net.port25.workflow.review;

import org.springframework.modulith.ApplicationModule;
