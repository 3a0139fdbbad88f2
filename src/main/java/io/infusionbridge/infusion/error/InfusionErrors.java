package io.infusionbridge.infusion.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.infusionbridge.infusion.InfusionContract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns an error answer of the contract into its typed exception. */
public final class InfusionErrors {

    private InfusionErrors() {
    }

    public static InfusionException decode(InfusionContract contract, int status, String method, String path,
                                           JsonNode body, String retryAfterHeader, long sentVersion) {
        String message = text(body, contract.field("message"));
        return switch (status) {
            case 400 -> new InfusionValidationException(method, path, message, fieldErrors(contract, body));
            case 401 -> new InfusionSessionInvalidException(method, path);
            case 403 -> new InfusionNotAuthorisedException(method, path);
            case 404 -> new InfusionNotFoundException(method, path);
            case 409 -> {
                JsonNode current = body == null ? null : body.get(contract.field("currentVersionNumber"));
                yield new InfusionVersionConflictException(method, path, sentVersion,
                        current == null || !current.canConvertToLong() ? null : current.asLong());
            }
            case 429 -> new InfusionRateLimitedException(method, path, retryAfter(retryAfterHeader));
            default -> status >= 500
                    ? new InfusionTransientException(status, method, path, "HTTP " + status + (message.isEmpty() ? "" : " " + message), null)
                    : new InfusionException(status, text(body, contract.field("error")), method, path,
                            "Infusion refused " + method + " " + path + " with HTTP " + status + (message.isEmpty() ? "" : ": " + message));
        };
    }

    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
            } catch (NumberFormatException notSeconds) {
                // An HTTP date is allowed too; one second is the contract's own value.
            }
        }
        return Duration.ofSeconds(1);
    }

    private static List<InfusionValidationException.FieldError> fieldErrors(InfusionContract contract, JsonNode body) {
        List<InfusionValidationException.FieldError> errors = new ArrayList<>();
        JsonNode list = body == null ? null : body.get(contract.field("fieldErrors"));
        if (list != null && list.isArray()) {
            for (JsonNode e : list) {
                errors.add(new InfusionValidationException.FieldError(text(e, contract.field("field")),
                        text(e, contract.field("rule")), text(e, contract.field("message"))));
            }
        }
        return errors;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
