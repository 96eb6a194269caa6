package org.corridorgis.features;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A file writer fed by the items query: told the columns once, then given each row. The row's first column is
 * the feature id, the second its geometry (as the writer's {@link GeometryEncoding} asked; null when the
 * collection has none), then one per {@link DownloadColumn}.
 */
public interface DownloadSink {

    void start(List<DownloadColumn> columns) throws Exception;

    void row(ResultSet row) throws SQLException, Exception;
}
