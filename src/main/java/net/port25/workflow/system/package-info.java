/**
 * Cross-cutting configuration: web and engine REST security, Camunda's authorizations for
 * the staff groups, the advisories' guards and the production safety check. It knows no
 * capability.
 */
@ApplicationModule(allowedDependencies = {})
package net.port25.workflow.system;

import org.springframework.modulith.ApplicationModule;
