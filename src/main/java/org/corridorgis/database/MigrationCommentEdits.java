package org.corridorgis.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Migrations edited after release in their comments only. Flyway's checksum covers comments too, so a database
 * migrated before such an edit would refuse to start ("checksum mismatch") over a line no statement reads. Each
 * edit is listed here with the checksum of the file before and after it; before Flyway validates, a recorded
 * checksum equal to the old one is set to the new one. Any other mismatch (a migration whose statements changed)
 * still stops the start, as it must.
 */
@Component
class MigrationCommentEdits implements Callback {

    /** One comment-only edit: the migration's version and its checksum before and after. */
    record Edit(String version, int before, int after, String what) {
    }

    static final List<Edit> EDITS = List.of(
            new Edit("2", 1427585127, 176006543, "the conventions line no longer points at a file the project does not have"));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        String table = historyTable(context);
        try {
            if (!exists(connection, table)) {
                return; // a new database: nothing was recorded before the edits
            }
            for (Edit edit : EDITS) {
                // the table name comes from Flyway's configuration, quoted; the values are bind parameters
                try (PreparedStatement update = connection.prepareStatement(
                        "update " + table + " set checksum = ? where version = ? and checksum = ?")) {
                    update.setInt(1, edit.after());
                    update.setString(2, edit.version());
                    update.setInt(3, edit.before());
                    update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("could not bring the recorded checksums of comment-only migration edits up to date", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "migration comment edits";
    }

    private static String historyTable(Context context) {
        String schema = context.getConfiguration().getDefaultSchema();
        if (schema == null && context.getConfiguration().getSchemas().length > 0) {
            schema = context.getConfiguration().getSchemas()[0];
        }
        String table = quote(context.getConfiguration().getTable());
        return schema == null ? table : quote(schema) + "." + table;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement("select to_regclass(?) is not null")) {
            check.setString(1, table);
            try (ResultSet rs = check.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
