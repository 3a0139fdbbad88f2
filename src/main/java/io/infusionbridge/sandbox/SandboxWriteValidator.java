package io.infusionbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infusionbridge.infusion.EntityType;
import io.infusionbridge.infusion.TextFieldRules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Checks a POST or PUT body against the contract's rules, collecting one field error per rule broken. */
final class SandboxWriteValidator {

    private static final Set<String> ADDRESS_FIELDS = Set.of("line1", "line2", "city", "postcode", "country");

    private final ArrayNode errors = JsonNodeFactory.instance.arrayNode();
    private final Map<String, String> deliveryStatuses;

    SandboxWriteValidator(Map<String, String> deliveryStatuses) {
        this.deliveryStatuses = deliveryStatuses;
    }

    /** Validates {@code body}; for a create every writable non-null field is required. */
    ArrayNode validate(EntityType type, ObjectNode body, boolean create) {
        Map<String, SandboxFieldSpec> specs = SandboxFieldSpec.FIELDS.get(type);
        body.fieldNames().forEachRemaining(name -> {
            if (!create && name.equals("versionNumber")) {
                return;
            }
            SandboxFieldSpec spec = specs.get(name);
            if (spec == null) {
                error(name, "UNKNOWN_FIELD", "the entity has no field " + name);
            } else if (spec.readOnly()) {
                error(name, "READ_ONLY", name + " cannot be written");
            } else {
                check(spec, name, body.get(name));
            }
        });
        if (create) {
            specs.values().stream()
                    .filter(s -> !s.readOnly() && !s.nullable() && !body.has(s.name()))
                    .forEach(s -> error(s.name(), "REQUIRED", s.name() + " is required"));
        } else if (!body.has("versionNumber")) {
            error("versionNumber", "REQUIRED", "versionNumber (the version last seen) is required");
        } else if (!body.get("versionNumber").canConvertToLong() || !body.get("versionNumber").isIntegralNumber()) {
            error("versionNumber", "INVALID_TYPE", "versionNumber must be an integer");
        }
        return errors;
    }

    void check(SandboxFieldSpec spec, String path, JsonNode value) {
        if (value == null || value.isNull()) {
            if (!spec.nullable()) {
                error(path, "REQUIRED", path + " may not be null");
            }
            return;
        }
        switch (spec.kind()) {
            case TEXT -> {
                if (!value.isTextual()) {
                    error(path, "INVALID_TYPE", path + " must be a string");
                    return;
                }
                text(path, value.asText());
                if (spec.maxLength() > 0 && value.asText().length() > spec.maxLength()) {
                    error(path, "TOO_LONG", path + " may hold at most " + spec.maxLength() + " characters");
                }
            }
            case DECIMAL -> {
                if (!value.isNumber()) {
                    error(path, "INVALID_TYPE", path + " must be a number");
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(value.asText());
                } catch (DateTimeParseException e) {
                    error(path, "INVALID_TYPE", path + " must be a date YYYY-MM-DD");
                }
            }
            case UUID -> {
                try {
                    UUID.fromString(value.asText());
                } catch (IllegalArgumentException e) {
                    error(path, "INVALID_TYPE", path + " must be a UUID");
                }
            }
            case STATUS_CODE -> {
                if (!value.isTextual()) {
                    error(path, "INVALID_TYPE", path + " must be a string");
                } else if (!deliveryStatuses.containsKey(value.asText())) {
                    error(path, "UNKNOWN_CODE", value.asText() + " is not an invoice delivery status");
                }
            }
            case ADDRESS -> {
                if (!value.isObject()) {
                    error(path, "INVALID_TYPE", path + " must be an object");
                    return;
                }
                value.fieldNames().forEachRemaining(f -> {
                    if (!ADDRESS_FIELDS.contains(f)) {
                        error(path + "." + f, "UNKNOWN_FIELD", "an address has no field " + f);
                    } else if (!value.get(f).isNull()) {
                        check(new SandboxFieldSpec(f, SandboxFieldSpec.Kind.TEXT, true, false, 0), path + "." + f, value.get(f));
                    }
                });
            }
            default -> error(path, "READ_ONLY", path + " cannot be written");
        }
    }

    void text(String path, String text) {
        for (String rule : TextFieldRules.violations(text)) {
            error(path, rule, path + " breaks the text rule " + rule);
        }
    }

    void error(String field, String rule, String message) {
        errors.addObject().put("field", field).put("rule", rule).put("message", message);
    }

    ArrayNode errors() {
        return errors;
    }
}
