package org.earlyhelp.hub.connector.schools.csv;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which instance processes a file, decided in PostgreSQL: the first to insert the file's name and content hash holds
 * it; every other instance (sharing the folder) sees the row and leaves the file. A claim not finished within {@code
 * takeOverAfter} (its instance died) is taken by one conditional update, and its rows are read again under the same
 * intake keys, so a row accepted before the crash is a replay, not a second record. A file whose content changes is a
 * new claim (its hash differs).
 */
public class InboxClaims {

    private final JdbcTemplate jdbc;
    private final Duration takeOverAfter;

    public InboxClaims(JdbcTemplate jdbc, Duration takeOverAfter) {
        this.jdbc = jdbc;
        this.takeOverAfter = takeOverAfter;
    }

    /** Whether this instance now holds the file. */
    public boolean claim(String fileName, String contentHash, String instance, Instant now) {
        int inserted = jdbc.update(
                "insert into school_inbox_file (file_name, content_hash, claimed_at, claimed_by) values (?, ?, ?, ?)"
                        + " on conflict do nothing",
                fileName,
                contentHash,
                Timestamp.from(now),
                instance);
        if (inserted == 1) {
            return true;
        }
        return jdbc.update(
                        "update school_inbox_file set claimed_at = ?, claimed_by = ? where file_name = ?"
                                + " and content_hash = ? and finished_at is null and claimed_at < ?",
                        Timestamp.from(now),
                        instance,
                        fileName,
                        contentHash,
                        Timestamp.from(now.minus(takeOverAfter)))
                == 1;
    }

    /** Whether the file was processed to the end already (by any instance). */
    public boolean finished(String fileName, String contentHash) {
        Integer n = jdbc.queryForObject(
                "select count(*) from school_inbox_file where file_name = ? and content_hash = ?"
                        + " and finished_at is not null",
                Integer.class,
                fileName,
                contentHash);
        return n != null && n > 0;
    }

    public void finish(String fileName, String contentHash, int read, int failed, Instant now) {
        jdbc.update(
                "update school_inbox_file set finished_at = ?, rows_read = ?, rows_failed = ? where file_name = ?"
                        + " and content_hash = ?",
                Timestamp.from(now),
                read,
                failed,
                fileName,
                contentHash);
    }
}
