package net.port25.workflow.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Whether a service the inventory does not know may still be asked for: {@code required}
 * refuses it (the production default); otherwise it goes to review with a finding.
 */
@Validated
@ConfigurationProperties("port25.inventory")
public record InventoryProperties(boolean required) {
}
