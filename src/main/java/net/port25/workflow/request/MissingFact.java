package net.port25.workflow.request;

/**
 * A fact the policy requires before staff review that the customer has not given yet.
 *
 * @param field the contract's field name ({@code useCase}, {@code sendingDomains}, ...)
 * @param question a polite question that asks the customer for it
 */
public record MissingFact(String field, String question) {

}
