package org.corridorgis.catalog;

import java.util.List;

/** A request named a collection the catalogue does not have. */
public class UnknownCollectionException extends RuntimeException {

    private final List<String> known;

    public UnknownCollectionException(String id, List<String> known) {
        super("no collection '" + id + "'");
        this.known = List.copyOf(known);
    }

    public List<String> known() {
        return known;
    }
}
