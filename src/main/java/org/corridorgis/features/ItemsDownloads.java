package org.corridorgis.features;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The writers of a collection's items as files (GeoPackage, FlatGeobuf, CSV, KML), behind one call. */
public interface ItemsDownloads {

    void write(ItemsQuery query, HttpServletRequest request, HttpServletResponse response) throws Exception;
}
