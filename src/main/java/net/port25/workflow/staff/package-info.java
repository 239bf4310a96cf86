/**
 * Staff work shared by the capabilities: what a staff task shows on its card, its outcome
 * taken from its form, and tasks left undone too long escalated to the leads.
 */
@ApplicationModule(allowedDependencies = { "request", "access", "audit" })
package net.port25.workflow.staff;

import org.springframework.modulith.ApplicationModule;
