package net.port25.workflow.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An IPv4 or IPv6 literal, never a host name: a bad address must never reach network
 * automation. Null is valid (a missing address is a missing fact, not a wrong one).
 */
@Documented
@Constraint(validatedBy = IpLiteral.Validator.class)
@Target({ ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface IpLiteral {

	String message() default "must be an IPv4 or IPv6 address";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<IpLiteral, String> {

		private static final Pattern IPV4 = Pattern
			.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

		private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || isIpLiteral(value);
		}

		public static boolean isIpLiteral(String value) {
			if (IPV4.matcher(value).matches()) {
				return true;
			}
			// only strings that can be nothing but an IPv6 literal reach InetAddress,
			// which then never looks up a name
			if (value.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(value).matches()) {
				try {
					return InetAddress.getByName(value) instanceof Inet6Address;
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
			return false;
		}

	}

}
