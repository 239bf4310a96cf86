/**
 * Cross-cutting configuration: web and engine REST security, Camunda's authorizations for
 * the staff groups, the advisories' guards, the production safety check, the history
 * level and the decision engine's FEEL. It knows no capability.
 */
@ApplicationModule(allowedDependencies = {})
package net.port25.workflow.system;

import org.springframework.modulith.ApplicationModule;
