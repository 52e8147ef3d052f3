package dev.mailhelp.discordsim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation errors by field path and renders Discord's 400 body:
 * {@code {"code":50035,"message":"Invalid Form Body","errors":{"data":{"embeds":{"0":{"title":{"_errors":[...]}}}}}}}.
 */
final class FormErrors {

    record Error(String path, String code, String message) {
        @Override
        public String toString() {
            return path + ": " + code + " " + message;
        }
    }

    private final List<Error> errors = new ArrayList<>();

    void add(String path, String code, String message) {
        errors.add(new Error(path, code, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<Error> all() {
        return List.copyOf(errors);
    }

    void maxLength(String path, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            add(path, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
        }
    }

    void length(String path, String value, int min, int max) {
        if (value == null || value.isEmpty()) {
            if (min > 0) {
                add(path, "BASE_TYPE_REQUIRED", "This field is required");
            }
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            add(path, "BASE_TYPE_BAD_LENGTH", "Must be between " + min + " and " + max + " in length.");
        }
    }

    void maxItems(String path, int count, int max) {
        if (count > max) {
            add(path, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
        }
    }

    String body(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("code", 50035);
        root.put("message", "Invalid Form Body");
        ObjectNode tree = root.putObject("errors");
        for (Error error : errors) {
            ObjectNode node = tree;
            for (String segment : error.path().split("\\.")) {
                node = node.has(segment) ? (ObjectNode) node.get(segment) : node.putObject(segment);
            }
            ArrayNode list = node.has("_errors") ? (ArrayNode) node.get("_errors") : node.putArray("_errors");
            list.addObject().put("code", error.code()).put("message", error.message());
        }
        return root.toString();
    }
}
