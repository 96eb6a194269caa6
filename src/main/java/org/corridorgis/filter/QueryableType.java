package org.corridorgis.filter;

/** Types of queryables, as the catalogue reads them from the database. */
public enum QueryableType {
    STRING, NUMBER, INTEGER, BOOLEAN, DATE, TIMESTAMP, GEOMETRY, STRING_ARRAY, JSON
}
