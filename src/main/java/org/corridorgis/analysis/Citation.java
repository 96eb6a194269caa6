package org.corridorgis.analysis;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/** A source an answer rests on, as every analysis cites it. */
@JsonPropertyOrder({"id", "title", "publisher", "reference"})
record Citation(String id, String title, String publisher, String reference) {

    /** The citations of an analysis statement's JSON array column (none when it is null). */
    static List<Citation> rows(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        List<Citation> citations = new ArrayList<>();
        for (JsonNode s : Sources.rows(rs, column)) {
            citations.add(new Citation(Sources.text(s, "id"), Sources.text(s, "title"), Sources.text(s, "publisher"),
                    Sources.text(s, "reference")));
        }
        return citations;
    }
}
