package net.port25.workflow.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Text a person wrote: lines and tabs, no other control characters, a free-text fact's
 * length at most ({@link InputLimits}). Null is valid.
 */
@Documented
@Constraint(validatedBy = {})
@Size(max = InputLimits.MAX_TEXT_LENGTH)
@Pattern(regexp = InputLimits.FREE_TEXT_PATTERN, message = InputLimits.CONTROL_CHARACTERS_MESSAGE)
@Target({ ElementType.TYPE_USE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

	@OverridesAttribute(constraint = Size.class, name = "max")
	int max() default InputLimits.MAX_TEXT_LENGTH;

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
