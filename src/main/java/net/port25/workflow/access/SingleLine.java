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
 * One line of text without control characters, an identifier's length at most
 * ({@link InputLimits}). Null is valid: whether a value is required is said apart.
 */
@Documented
@Constraint(validatedBy = {})
@Size(max = InputLimits.MAX_IDENTIFIER_LENGTH)
@Pattern(regexp = InputLimits.SINGLE_LINE_PATTERN, message = InputLimits.LINE_BREAKS_MESSAGE)
@Target({ ElementType.TYPE_USE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

	@OverridesAttribute(constraint = Size.class, name = "max")
	int max() default InputLimits.MAX_IDENTIFIER_LENGTH;

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
