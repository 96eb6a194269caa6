package org.corridorgis.features;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.corridorgis.web.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A position in a sorted collection for keyset (seek) paging: the sort-key values of one row, and whether the
 * page starts after that row ({@code next} links) or at it ({@code prev} links). Values travel as text and are
 * cast back to the column's type in SQL, as bind parameters.
 *
 * @param sortSignature the {@code sortby} the cursor was made for; a cursor is refused under another order
 * @param values        the row's sort-key values, the last one its id
 * @param inclusive     true: the page starts at the row; false: just after it
 */
record Cursor(String sortSignature, List<String> values, boolean inclusive) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("s", sortSignature);
        ArrayNode array = node.putArray("v");
        values.forEach(v -> {
            if (v == null) {
                array.addNull();
            } else {
                array.add(v);
            }
        });
        node.put("i", inclusive);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
    }

    static Cursor decode(String text, String expectedSignature, int keyCount) {
        JsonNode node;
        try {
            node = JSON.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw ProblemException.badParameter("cursor", "not a cursor made by this service; follow the next/prev links as given");
        }
        if (node == null || !node.path("v").isArray() || !node.path("s").isString() || !node.path("i").isBoolean()) {
            throw ProblemException.badParameter("cursor", "not a cursor made by this service; follow the next/prev links as given");
        }
        if (!node.path("s").asString().equals(expectedSignature) || node.path("v").size() != keyCount) {
            throw ProblemException.badParameter("cursor", "the cursor was made for another sort order; start again without it");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode v : node.path("v")) {
            if (!v.isNull() && !v.isString()) {
                throw ProblemException.badParameter("cursor", "not a cursor made by this service");
            }
            values.add(v.isNull() ? null : v.asString());
        }
        return new Cursor(node.path("s").asString(), values, node.path("i").asBoolean());
    }
}
