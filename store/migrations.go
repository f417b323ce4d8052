package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// migrations are the schema changes in order; migrations[i] brings the
// database to version i+1. Never edit an applied entry: append a new one.
var migrations = []string{
	// 1: pages, articles, facts, runs, frontier and the fact_rows view.
	`
CREATE TABLE runs (
	id          INTEGER PRIMARY KEY,
	command     TEXT NOT NULL,              -- crawl, extract, reextract ...
	args        TEXT NOT NULL DEFAULT '',
	started_at  TEXT NOT NULL,              -- RFC 3339, UTC
	finished_at TEXT,
	outcome     TEXT,                       -- NULL while running (or killed)
	counts      TEXT                        -- JSON object of counters
);

-- Every fetched response or loaded file, as it came. An unchanged page
-- (same location, same sha256) is one row whose last_seen moves.
CREATE TABLE pages (
	id            INTEGER PRIMARY KEY,
	source        TEXT NOT NULL,            -- the input as given: URL or file path
	url           TEXT NOT NULL DEFAULT '', -- requested URL; '' for local files
	final_url     TEXT NOT NULL DEFAULT '', -- after redirects; '' for local files
	site          TEXT NOT NULL DEFAULT '', -- crawler profile or publisher host
	status        INTEGER,                  -- HTTP status; NULL for local files
	content_type  TEXT NOT NULL DEFAULT '',
	headers       TEXT NOT NULL DEFAULT '{}', -- JSON object
	body          BLOB NOT NULL,            -- raw bytes, compressed as body_encoding says
	body_encoding TEXT NOT NULL,            -- 'gzip' (RFC 1952), or 'identity' when that is not smaller
	size          INTEGER NOT NULL,         -- raw (uncompressed) byte length
	sha256        TEXT NOT NULL,            -- hex sha256 of the raw bytes
	fetched_at    TEXT,                     -- RFC 3339, UTC; NULL for local files
	first_seen    TEXT NOT NULL,
	last_seen     TEXT NOT NULL,
	kind          TEXT NOT NULL,            -- article, listing, feed, sitemap, file
	article_key   TEXT,
	run_id        INTEGER REFERENCES runs(id)
);
CREATE UNIQUE INDEX pages_location_sha256 ON pages(coalesce(nullif(final_url, ''), source), sha256);
CREATE INDEX pages_site_fetched_at ON pages(site, fetched_at);
CREATE INDEX pages_article_key ON pages(article_key);

-- One row per article identity, from the latest page it was read from.
CREATE TABLE articles (
	id                INTEGER PRIMARY KEY,
	article_key       TEXT NOT NULL UNIQUE, -- e.g. kazinform:a3721112, canonical URL or file path
	url               TEXT NOT NULL,        -- canonical URL (or source)
	site              TEXT NOT NULL DEFAULT '', -- publisher host
	title             TEXT NOT NULL DEFAULT '',
	author            TEXT NOT NULL DEFAULT '',
	section           TEXT NOT NULL DEFAULT '',
	tags              TEXT NOT NULL DEFAULT '[]', -- JSON array
	language          TEXT NOT NULL DEFAULT '',
	published_at      TEXT,                 -- RFC 3339 with the site's offset
	published_date    TEXT,                 -- YYYY-MM-DD at the site's offset
	body              TEXT NOT NULL,        -- the text facts' char offsets point into
	layout            TEXT NOT NULL DEFAULT '',
	page_id           INTEGER NOT NULL REFERENCES pages(id),
	extractor_version TEXT NOT NULL,
	first_seen        TEXT NOT NULL,
	updated_at        TEXT NOT NULL
);
CREATE INDEX articles_site_published_date ON articles(site, published_date);
CREATE INDEX articles_published_date ON articles(published_date);
CREATE INDEX articles_published_at ON articles(published_at);
CREATE INDEX articles_page_id ON articles(page_id);

-- One row per stated count of observers.
CREATE TABLE facts (
	id                INTEGER PRIMARY KEY,
	article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	page_id           INTEGER NOT NULL REFERENCES pages(id),
	fact_id           TEXT NOT NULL,        -- stable across runs
	subject           TEXT NOT NULL,
	subject_canonical TEXT NOT NULL DEFAULT '',
	subject_code      TEXT NOT NULL DEFAULT '',
	subject_kind      TEXT NOT NULL DEFAULT '',
	count             INTEGER NOT NULL CHECK (count >= 0),
	qualifier         TEXT NOT NULL DEFAULT '',
	status            TEXT NOT NULL DEFAULT '',
	as_of             TEXT NOT NULL DEFAULT '',
	period_start      TEXT NOT NULL DEFAULT '',
	period_end        TEXT NOT NULL DEFAULT '',
	election_date     TEXT NOT NULL DEFAULT '',
	election_type     TEXT NOT NULL DEFAULT '',
	evidence          TEXT NOT NULL,
	char_start        INTEGER NOT NULL,     -- code points into articles.body
	char_end          INTEGER NOT NULL,
	rule              TEXT NOT NULL DEFAULT '',
	spans             INTEGER,              -- NULL when not stated
	check_note        TEXT NOT NULL DEFAULT '', -- the export's "check" column
	extractor_version TEXT NOT NULL,
	created_at        TEXT NOT NULL,
	UNIQUE (article_id, fact_id)
);
CREATE INDEX facts_subject_code ON facts(subject_code);
CREATE INDEX facts_election_date ON facts(election_date);
CREATE INDEX facts_page_id ON facts(page_id);

-- The crawl queue and visited set.
CREATE TABLE frontier (
	key        TEXT PRIMARY KEY,            -- canonical URL
	url        TEXT NOT NULL,
	kind       TEXT NOT NULL,
	site       TEXT NOT NULL DEFAULT '',
	depth      INTEGER NOT NULL DEFAULT 0,
	state      TEXT NOT NULL DEFAULT 'queued', -- queued, in_flight, done, failed, skipped
	attempts   INTEGER NOT NULL DEFAULT 0,
	not_before TEXT,                        -- RFC 3339, UTC; NULL = now
	reason     TEXT NOT NULL DEFAULT '',
	added_at   TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	run_id     INTEGER REFERENCES runs(id)
);
CREATE INDEX frontier_state_not_before ON frontier(state, not_before);

-- Facts as the export writes them: exactly the export columns, in order.
CREATE VIEW fact_rows AS
SELECT
	f.fact_id           AS fact_id,
	p.source            AS source,
	a.url               AS source_url,
	a.site              AS site,
	a.title             AS title,
	coalesce(a.published_at, '') AS published_at,
	f.election_date     AS election_date,
	f.election_type     AS election_type,
	f.subject           AS subject,
	f.subject_canonical AS subject_canonical,
	f.subject_code      AS subject_code,
	f.subject_kind      AS subject_kind,
	f.count             AS count,
	f.qualifier         AS qualifier,
	f.status            AS status,
	f.as_of             AS as_of,
	f.period_start      AS period_start,
	f.period_end        AS period_end,
	f.evidence          AS evidence,
	f.char_start        AS char_start,
	f.char_end          AS char_end,
	f.rule              AS rule,
	f.extractor_version AS extractor_version,
	p.sha256            AS content_sha256,
	coalesce(p.fetched_at, '') AS fetched_at,
	f.spans             AS spans,
	f.check_note        AS "check",
	a.author            AS author,
	a.section           AS section,
	a.language          AS language
FROM facts f
JOIN articles a ON a.id = f.article_id
JOIN pages p ON p.id = f.page_id
ORDER BY a.published_at IS NULL, unixepoch(a.published_at), a.id, f.char_start, f.id;
`,
	// 2: the country holding the election, so that elections of several
	// countries on one day stay apart.
	`
ALTER TABLE facts ADD COLUMN election_country TEXT NOT NULL DEFAULT '';
CREATE INDEX facts_election ON facts(election_country, election_date);
DROP VIEW fact_rows;
-- Facts as the export writes them: exactly the export columns, in order.
CREATE VIEW fact_rows AS
SELECT
	f.fact_id           AS fact_id,
	p.source            AS source,
	a.url               AS source_url,
	a.site              AS site,
	a.title             AS title,
	coalesce(a.published_at, '') AS published_at,
	f.election_date     AS election_date,
	f.election_type     AS election_type,
	f.subject           AS subject,
	f.subject_canonical AS subject_canonical,
	f.subject_code      AS subject_code,
	f.subject_kind      AS subject_kind,
	f.count             AS count,
	f.qualifier         AS qualifier,
	f.status            AS status,
	f.as_of             AS as_of,
	f.period_start      AS period_start,
	f.period_end        AS period_end,
	f.evidence          AS evidence,
	f.char_start        AS char_start,
	f.char_end          AS char_end,
	f.rule              AS rule,
	f.extractor_version AS extractor_version,
	p.sha256            AS content_sha256,
	coalesce(p.fetched_at, '') AS fetched_at,
	f.spans             AS spans,
	f.check_note        AS "check",
	a.author            AS author,
	a.section           AS section,
	a.language          AS language,
	f.election_country  AS election_country
FROM facts f
JOIN articles a ON a.id = f.article_id
JOIN pages p ON p.id = f.page_id
ORDER BY a.published_at IS NULL, unixepoch(a.published_at), a.id, f.char_start, f.id;
`,
	// 3: missing values are NULL, not '' (so "election_date IS NULL" finds
	// the facts without an election); facts.count is facts.observers; the
	// view gains published_utc and published_date and names its columns so
	// that none clashes with pandas attributes or SQL keywords, keeping the
	// old "count" and "check" after them for one release. SQLite cannot drop
	// NOT NULL from a column, so articles and facts are rebuilt: facts are
	// copied aside first, since dropping articles would cascade to them.
	`
DROP VIEW fact_rows;
CREATE TEMP TABLE facts_v2 AS SELECT * FROM facts;
DROP TABLE facts;

CREATE TABLE articles_v3 (
	id                INTEGER PRIMARY KEY,
	article_key       TEXT NOT NULL UNIQUE, -- e.g. kazinform:a3721112, canonical URL or file path
	url               TEXT NOT NULL,        -- canonical URL (or source)
	site              TEXT,                 -- publisher host
	title             TEXT,
	author            TEXT,
	section           TEXT,
	tags              TEXT NOT NULL DEFAULT '[]', -- JSON array
	language          TEXT,
	published_at      TEXT,                 -- RFC 3339 with the site's offset
	published_date    TEXT,                 -- YYYY-MM-DD at the site's offset
	body              TEXT NOT NULL,        -- the text facts' char offsets point into
	layout            TEXT,
	page_id           INTEGER NOT NULL REFERENCES pages(id),
	extractor_version TEXT NOT NULL,
	first_seen        TEXT NOT NULL,
	updated_at        TEXT NOT NULL
);
INSERT INTO articles_v3
SELECT id, article_key, url, nullif(site, ''), nullif(title, ''), nullif(author, ''), nullif(section, ''), tags,
	nullif(language, ''), nullif(published_at, ''), nullif(published_date, ''), body, nullif(layout, ''),
	page_id, extractor_version, first_seen, updated_at
FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v3 RENAME TO articles;
CREATE INDEX articles_site_published_date ON articles(site, published_date);
CREATE INDEX articles_published_date ON articles(published_date);
CREATE INDEX articles_published_at ON articles(published_at);
CREATE INDEX articles_page_id ON articles(page_id);

-- One row per stated count of observers. NULL: not stated or not known.
CREATE TABLE facts (
	id                INTEGER PRIMARY KEY,
	article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	page_id           INTEGER NOT NULL REFERENCES pages(id),
	fact_id           TEXT NOT NULL,        -- stable across runs
	subject           TEXT NOT NULL,
	subject_canonical TEXT,
	subject_code      TEXT,
	subject_kind      TEXT,
	observers         INTEGER NOT NULL CHECK (observers >= 0),
	qualifier         TEXT,
	status            TEXT,
	as_of             TEXT,
	period_start      TEXT,
	period_end        TEXT,
	election_country  TEXT,
	election_date     TEXT,
	election_type     TEXT,
	evidence          TEXT NOT NULL,
	char_start        INTEGER NOT NULL,     -- code points into articles.body; -1: the headline
	char_end          INTEGER NOT NULL,
	rule              TEXT,
	spans             INTEGER,
	check_note        TEXT,                 -- why the fact disagrees with others of its article
	extractor_version TEXT NOT NULL,
	created_at        TEXT NOT NULL,
	UNIQUE (article_id, fact_id)
);
INSERT INTO facts
SELECT id, article_id, page_id, fact_id, subject, nullif(subject_canonical, ''), nullif(subject_code, ''),
	nullif(subject_kind, ''), count, nullif(qualifier, ''), nullif(status, ''), nullif(as_of, ''),
	nullif(period_start, ''), nullif(period_end, ''), nullif(election_country, ''), nullif(election_date, ''),
	nullif(election_type, ''), evidence, char_start, char_end, nullif(rule, ''), nullif(spans, 0),
	nullif(check_note, ''), extractor_version, created_at
FROM temp.facts_v2;
DROP TABLE temp.facts_v2;
CREATE INDEX facts_subject_code ON facts(subject_code);
CREATE INDEX facts_election_date ON facts(election_date);
CREATE INDEX facts_election ON facts(election_country, election_date);
CREATE INDEX facts_page_id ON facts(page_id);

-- Facts as the export writes them: the export columns, in order, then the
-- old names count and "check" (kept for one release; use observers and
-- check_note).
CREATE VIEW fact_rows AS
SELECT
	f.fact_id           AS fact_id,
	p.source            AS source,
	a.url               AS source_url,
	a.site              AS site,
	a.title             AS title,
	a.published_at      AS published_at,
	strftime('%Y-%m-%dT%H:%M:%SZ', a.published_at) AS published_utc,
	a.published_date    AS published_date,
	f.election_date     AS election_date,
	f.election_type     AS election_type,
	f.subject           AS subject,
	f.subject_canonical AS subject_canonical,
	f.subject_code      AS subject_code,
	f.subject_kind      AS subject_kind,
	f.observers         AS observers,
	f.qualifier         AS qualifier,
	f.status            AS status,
	f.as_of             AS as_of,
	f.period_start      AS period_start,
	f.period_end        AS period_end,
	f.evidence          AS evidence,
	f.char_start        AS char_start,
	f.char_end          AS char_end,
	f.rule              AS rule,
	f.extractor_version AS extractor_version,
	p.sha256            AS content_sha256,
	p.fetched_at        AS fetched_at,
	f.spans             AS spans,
	f.check_note        AS check_note,
	a.author            AS author,
	a.section           AS section,
	a.language          AS language,
	f.election_country  AS election_country,
	f.observers         AS count,
	f.check_note        AS "check"
FROM facts f
JOIN articles a ON a.id = f.article_id
JOIN pages p ON p.id = f.page_id
ORDER BY a.published_at IS NULL, unixepoch(a.published_at), a.id, f.char_start, f.id;
`,
	// 4: failures classed as transient (tried again by later runs, which
	// are counted) or permanent; pages that crashed the crawler counted.
	`
ALTER TABLE frontier ADD COLUMN failure TEXT;                             -- failed items: transient, permanent
ALTER TABLE frontier ADD COLUMN failed_runs INTEGER NOT NULL DEFAULT 0;   -- runs the item failed in for a passing reason
ALTER TABLE frontier ADD COLUMN crashes INTEGER NOT NULL DEFAULT 0;       -- runs that died with the item in flight
UPDATE frontier SET
	failure = CASE WHEN reason LIKE 'network:%' OR reason LIKE 'timeout%' OR reason LIKE 'http 5%'
		OR reason LIKE 'http 429%' OR reason LIKE 'robots.txt: network:%' OR reason LIKE 'robots.txt: timeout%'
		THEN 'transient' ELSE 'permanent' END,
	failed_runs = 1
WHERE state = 'failed';
`,
	// 5: recrawls. Entry points are read again by each run (revisits counts
	// how often); the article links read on listings are remembered, so
	// paging stops at the first page that brings nothing new; the archive is
	// looked up by requested URL for conditional requests.
	`
ALTER TABLE frontier ADD COLUMN revisits INTEGER NOT NULL DEFAULT 0;
CREATE TABLE seen_links (
	key        TEXT PRIMARY KEY,            -- article key, as in frontier.key
	first_seen TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX pages_url ON pages(url);
`,
	// 6: every run ends with one of a few outcomes (completed, interrupted,
	// failed, abandoned), details in note; pid tells a run still going from
	// one whose process is gone. Older outcomes are mapped; runs that never
	// finished under an older version are abandoned.
	`
ALTER TABLE runs ADD COLUMN pid INTEGER;    -- the process of the run, to tell running from abandoned
ALTER TABLE runs ADD COLUMN note TEXT;      -- what the outcome word leaves out: the error, --max-pages
UPDATE runs SET note = CASE
		WHEN outcome LIKE 'error: %' THEN substr(outcome, 8)
		WHEN outcome = 'max-pages' THEN 'stopped at --max-pages'
		WHEN outcome = 'partial' THEN 'some inputs failed'
	END,
	outcome = CASE
		WHEN outcome IS NULL THEN 'abandoned'
		WHEN outcome IN ('ok', 'partial', 'max-pages', 'completed') THEN 'completed'
		WHEN outcome = 'interrupted' THEN 'interrupted'
		ELSE 'failed'
	END;
`,
	// 7: the headers a request went out with, for WARC request records;
	// NULL for pages stored before, whose request is written as a bare GET.
	`
ALTER TABLE pages ADD COLUMN request_headers TEXT;   -- JSON object; NULL: not recorded
`,
	// 8: crawls shared by several processes (the PostgreSQL store; an
	// SQLite store has one crawl at a time and leaves these empty): each
	// process is a worker row with a heartbeat, the workers of one crawl
	// share a crawl_id; an item in flight is leased to a worker until
	// lease_until, and taken by another worker after it; host_slots holds
	// each host's next allowed request time and parallel slots for the whole
	// crawl; robots keeps each origin's robots.txt once per crawl. Times
	// here are RFC 3339 in UTC with microseconds.
	`
CREATE TABLE workers (
	id           INTEGER PRIMARY KEY,
	run_id       INTEGER REFERENCES runs(id),
	crawl_id     INTEGER,                   -- the run of the crawl's first worker; NULL: not a crawl
	host         TEXT NOT NULL,             -- host name of the machine
	pid          INTEGER NOT NULL,
	started_at   TEXT NOT NULL,
	heartbeat_at TEXT NOT NULL,             -- the last sign of life
	expires_at   TEXT NOT NULL,             -- dead when no heartbeat came by then
	finished_at  TEXT
);
ALTER TABLE frontier ADD COLUMN worker_id INTEGER;   -- in flight: the worker holding the lease; done: the worker that finished it
ALTER TABLE frontier ADD COLUMN lease_until TEXT;    -- in flight: another worker may take the item after this time
CREATE TABLE host_slots (
	host       TEXT NOT NULL,               -- host name without www., m., amp.
	slot       INTEGER NOT NULL,            -- 0 .. parallel-1
	holder     TEXT,                        -- the request holding the slot; NULL: free
	worker_id  INTEGER,
	held_until TEXT,                        -- a dead holder's slot is free after this time
	free_at    TEXT NOT NULL,               -- the slot's next request may start at this time
	PRIMARY KEY (host, slot)
);
CREATE TABLE robots (
	crawl_id   INTEGER NOT NULL,
	origin     TEXT NOT NULL,               -- scheme://host[:port]
	status     INTEGER NOT NULL,            -- HTTP status; 0: not fetched (see error)
	body       BLOB NOT NULL,
	error      TEXT NOT NULL DEFAULT '',    -- why it could not be had
	fetched_at TEXT NOT NULL,
	PRIMARY KEY (crawl_id, origin)
);
`,
}

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int { return len(migrations) }

// migrate brings the database to the latest schema version, one migration
// per transaction. It is safe to call on every open.
func migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	applied_at TEXT NOT NULL
)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for {
		done, err := migrateOne(ctx, db)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next pending migration, reading the version inside
// the (immediate) transaction so concurrent openers do not apply it twice.
func migrateOne(ctx context.Context, db *sql.DB) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("begin migration: %w", err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	switch {
	case version > len(migrations):
		return false, fmt.Errorf("schema version %d is newer than this program knows (%d)", version, len(migrations))
	case version == len(migrations):
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, migrations[version]); err != nil {
		return false, fmt.Errorf("migration %d: %w", version+1, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		version+1, formatTime(time.Now())); err != nil {
		return false, fmt.Errorf("record migration %d: %w", version+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("commit migration %d: %w", version+1, err)
	}
	return false, nil
}
