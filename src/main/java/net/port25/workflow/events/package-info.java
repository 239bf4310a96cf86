/**
 * The Kafka edge: inbound listeners that read CloudEvents, validate them against the
 * contract's schemas and hand them to the capabilities; dead letters; the outbox and its
 * relay for what the engine says.
 */
@ApplicationModule(allowedDependencies = { "intake", "enablement", "revocation", "inventory", "access" })
package net.port25.workflow.events;

import org.springframework.modulith.ApplicationModule;
