package net.port25.workflow.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import net.port25.workflow.intake.RequestSubmitted;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * The contract refuses a request whose {@code ipAddresses} are not IP literals (a bad address must never reach
 * network automation); the Kafka edge checks this with the JSON Schema, the API here, field by field.
 */
class IpLiteralsValidator implements Validator {

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

	@Override
	public boolean supports(Class<?> type) {
		return RequestSubmitted.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		List<String> addresses = ((RequestSubmitted) target).ipAddresses();
		if (addresses == null) {
			return;
		}
		for (int i = 0; i < addresses.size(); i++) {
			if (!isIpLiteral(addresses.get(i))) {
				reject(errors, "ipAddresses[" + i + "]", addresses.get(i));
			}
		}
	}

	// a record has no JavaBean getters for Errors.rejectValue to read the value through: add the field error itself
	private static void reject(Errors errors, String field, String value) {
		String message = "must be an IPv4 or IPv6 address";
		if (errors instanceof BindingResult result) {
			result.addError(new FieldError(result.getObjectName(), field, value, false,
					result.resolveMessageCodes("IpLiteral", field), null, message));
		}
		else {
			errors.reject("IpLiteral", field + " " + message);
		}
	}

	static boolean isIpLiteral(String value) {
		if (value == null) {
			return false;
		}
		if (IPV4.matcher(value).matches()) {
			return true;
		}
		// only strings that can be nothing but an IPv6 literal reach InetAddress, which then never looks up a name
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
