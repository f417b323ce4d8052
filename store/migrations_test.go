package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
)

// TestMigrationNullsOldRows builds a database as version 2 left it, with
// ” for every missing value, and checks that opening it converts them to
// NULL, keeps every article and fact, and renames count to observers.
func TestMigrationNullsOldRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	db, err := openDB(path, "immediate", false)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`)
	for i, m := range migrations[:2] {
		mustExec(m)
		mustExec(`INSERT INTO schema_migrations VALUES (?, 'then')`, i+1)
	}
	mustExec(`INSERT INTO pages (id, source, body, body_encoding, size, sha256, first_seen, last_seen, kind)
		VALUES (1, 'a.txt', x'00', 'identity', 1, 'abc', 't', 't', 'file')`)
	mustExec(`INSERT INTO articles (id, article_key, url, site, title, author, section, language, published_at,
		published_date, body, layout, page_id, extractor_version, first_seen, updated_at)
		VALUES (7, 'a.txt', 'a.txt', '', 'A title', '', '', 'en', '2023-03-14T10:00:00+06:00', '2023-03-14',
		'Body.', '', 1, '0.1.0', 't', 't')`)
	mustExec(`INSERT INTO facts (id, article_id, page_id, fact_id, subject, subject_canonical, subject_code, subject_kind,
		count, qualifier, status, as_of, period_start, period_end, election_date, election_type, evidence, char_start,
		char_end, rule, spans, check_note, extractor_version, created_at, election_country)
		VALUES (3, 7, 1, 'f1', 'observers', '', '', 'aggregate', 40, 'exact', '', '', '', '', '', '', 'Body.', 0, 5,
		'total', NULL, '', '0.1.0', 't', '')`)
	for _, outcome := range []string{"'ok'", "'partial'", "'max-pages'", "'interrupted'", "'error: disk full'", "NULL"} {
		mustExec(`INSERT INTO runs (command, started_at, outcome) VALUES ('crawl', 't', ` + outcome + `)`)
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var (
		observers, legacyCount                  int
		electionDate, code, check, site, author sql.NullString
		utc, day, title                         string
	)
	err = s.db.QueryRow(`SELECT observers, count, election_date, subject_code, check_note, site, author,
		published_utc, published_date, title FROM fact_rows`).Scan(&observers, &legacyCount, &electionDate, &code,
		&check, &site, &author, &utc, &day, &title)
	if err != nil {
		t.Fatal(err)
	}
	if observers != 40 || legacyCount != 40 {
		t.Errorf("observers %d, count %d; want 40", observers, legacyCount)
	}
	for name, v := range map[string]sql.NullString{"election_date": electionDate, "subject_code": code,
		"check_note": check, "site": site, "author": author} {
		if v.Valid {
			t.Errorf("%s = %q, want NULL", name, v.String)
		}
	}
	if utc != "2023-03-14T04:00:00Z" || day != "2023-03-14" || title != "A title" {
		t.Errorf("published_utc %q, published_date %q, title %q", utc, day, title)
	}
	var outcomes []string
	rows, err := s.db.Query(`SELECT outcome || coalesce(' (' || note || ')', '') FROM runs ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			t.Fatal(err)
		}
		outcomes = append(outcomes, o)
	}
	rows.Close()
	want := []string{"completed", "completed (some inputs failed)", "completed (stopped at --max-pages)", "interrupted",
		"failed (disk full)", "abandoned"}
	if !slices.Equal(outcomes, want) {
		t.Errorf("run outcomes %q\nwant %q", outcomes, want)
	}
	var unknown int
	if err := s.db.QueryRow(`SELECT count(*) FROM facts WHERE election_date IS NULL AND article_id = 7 AND id = 3`).Scan(&unknown); err != nil || unknown != 1 {
		t.Errorf("facts without an election: %d (%v), want the one stored", unknown, err)
	}
}
