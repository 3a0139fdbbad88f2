package io.infusionbridge.infusion.error;

import java.util.List;
import java.util.stream.Collectors;

/** 400 VALIDATION_FAILED: a written field broke a rule of the contract. */
public class InfusionValidationException extends InfusionException {

    /** One broken rule, as Infusion reported it. */
    public record FieldError(String field, String rule, String message) {
        @Override
        public String toString() {
            return field + " " + rule + (message == null || message.isBlank() ? "" : " (" + message + ")");
        }
    }

    private final List<FieldError> fieldErrors;

    public InfusionValidationException(String method, String path, String serverMessage, List<FieldError> fieldErrors) {
        super(400, "VALIDATION_FAILED", method, path, "Infusion rejected " + method + " " + path + ": "
                + (fieldErrors.isEmpty() ? serverMessage
                        : fieldErrors.stream().map(FieldError::toString).collect(Collectors.joining("; "))));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
