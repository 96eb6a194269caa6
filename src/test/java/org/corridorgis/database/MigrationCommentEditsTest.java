package org.corridorgis.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.corridorgis.support.PostgisIntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database migrated before a comment-only edit of a migration starts with the edited file, and a database whose
 * recorded checksum matches neither version is still refused. Runs the service's own Flyway configuration (with the
 * callbacks Spring gave it) against a database of its own.
 */
@PostgisIntegrationTest
class MigrationCommentEditsTest {

    /** V2's checksum as recorded by every database migrated before its comment was edited (read from one). */
    static final int V2_BEFORE_THE_EDIT = 1427585127;

    @Autowired
    Flyway serviceFlyway;

    @Autowired
    DataSource shared;

    @Test
    void aDatabaseMigratedBeforeTheEditStartsAndAnyOtherMismatchIsRefused() {
        HikariDataSource hikari = (HikariDataSource) shared;
        JdbcTemplate admin = new JdbcTemplate(shared);
        String name = "corridor_flyway_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin.execute("CREATE DATABASE " + name);
        try (HikariDataSource scratch = new HikariDataSource()) {
            scratch.setJdbcUrl(hikari.getJdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?;]*", "$1" + name));
            scratch.setUsername(hikari.getUsername());
            scratch.setPassword(hikari.getPassword());
            scratch.setMaximumPoolSize(5);
            Flyway flyway = Flyway.configure().configuration(serviceFlyway.getConfiguration()).dataSource(scratch).load();
            flyway.migrate();
            JdbcTemplate db = new JdbcTemplate(scratch);
            int edited = db.queryForObject("select checksum from flyway_schema_history where version = '2'", Integer.class);
            assertThat(edited).isNotEqualTo(V2_BEFORE_THE_EDIT);

            // as a database migrated before the edit has it: validation and migration go through, and the record follows the file
            db.update("update flyway_schema_history set checksum = ? where version = '2'", V2_BEFORE_THE_EDIT);
            flyway.validate();
            assertThat(db.queryForObject("select checksum from flyway_schema_history where version = '2'", Integer.class)).isEqualTo(edited);
            db.update("update flyway_schema_history set checksum = ? where version = '2'", V2_BEFORE_THE_EDIT);
            assertThat(flyway.migrate().success).isTrue();
            assertThat(db.queryForObject("select checksum from flyway_schema_history where version = '2'", Integer.class)).isEqualTo(edited);

            // a migration whose recorded checksum is neither is still a mismatch
            db.update("update flyway_schema_history set checksum = 12345 where version = '2'");
            assertThatThrownBy(flyway::validate).isInstanceOf(FlywayException.class).hasMessageContaining("checksum mismatch");
        } finally {
            admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
