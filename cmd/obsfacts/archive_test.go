package main

import (
	"database/sql"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

// warcioEnv names the folder where .ci/run installed the npm package warcio
// (with .ci/warcio/check.mjs): the WARC test then also reads the file with
// it, an independent reader.
const warcioEnv = "OBSFACTS_WARCIO"

// TestArchiveExportWARC crawls the mirror with --warc, exports the archive
// with 'archive export --warc', and reads both files back: every record's
// digests are right, and the response records are the archived responses.
func TestArchiveExportWARC(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the crawler in subprocesses")
	}
	m := newMirror(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "crawl.db")
	live := filepath.Join(dir, "live")
	if err := os.Mkdir(live, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := crawlCmdAt(m.Listener.Addr().String(), db, "--warc", live).CombinedOutput(); err != nil {
		t.Fatalf("crawl: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "export.warc.gz")
	code, _, stderr := runCLI(t, "archive", "export", "--db", db, "--warc", out)
	if code != 0 {
		t.Fatalf("archive export: exit %d\n%s", code, stderr)
	}
	archived := countRows(t, db, `SELECT count(*) FROM pages WHERE url != '' AND status IS NOT NULL`)
	if archived < 40 {
		t.Fatalf("only %d responses archived", archived)
	}
	if !strings.Contains(stderr, "wrote ") {
		t.Errorf("no summary: %s", stderr)
	}
	liveFiles, _ := filepath.Glob(filepath.Join(live, "*.warc.gz"))
	for _, file := range append([]string{out}, liveFiles...) {
		counts := readWARC(t, file)
		t.Logf("%s: %v", filepath.Base(file), counts)
		if counts["warcinfo"] != 1 || counts["response"] != archived || counts["request"] != archived {
			t.Errorf("%s: records %v, want 1 warcinfo and %d requests and responses", file, counts, archived)
		}
		t.Run("warcio "+filepath.Base(file), func(t *testing.T) { checkWithWarcio(t, file, archived) })
	}
	if len(liveFiles) != 1 {
		t.Errorf("crawl --warc wrote %q", liveFiles)
	}

	// A filter that matches nothing still gives a valid file.
	empty := filepath.Join(dir, "none.warc.gz")
	if code, _, stderr := runCLI(t, "archive", "export", "--db", db, "--warc", empty, "--since", "2001", "--until", "2001"); code != 0 {
		t.Fatalf("empty export: exit %d\n%s", code, stderr)
	}
	if counts := readWARC(t, empty); counts["response"] != 0 || counts["warcinfo"] != 1 {
		t.Errorf("empty export: %v", counts)
	}
	if code, _, _ := runCLI(t, "archive", "export", "--db", db); code != 2 {
		t.Errorf("archive export without --warc: exit %d, want 2", code)
	}
}

func countRows(t *testing.T, db, query string) int {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// readWARC reads a WARC file with gowarc's strict validation (lengths and
// digests checked) and counts its records by type.
func readWARC(t *testing.T, path string) map[string]int {
	t.Helper()
	r, err := gowarc.NewWarcFileReader(path, 0, gowarc.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	counts := map[string]int{}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return counts
		}
		if err != nil {
			t.Fatalf("%s: record %v: %v", path, counts, err)
		}
		if len(rec.Validation) > 0 {
			t.Errorf("%s: %v", path, rec.Validation)
		}
		counts[rec.WarcRecord.Type().String()]++
		rec.Close()
	}
}

// checkWithWarcio reads the file with warcio.js (see .ci/warcio/check.mjs):
// every block and payload digest must match.
func checkWithWarcio(t *testing.T, file string, responses int) {
	dir := os.Getenv(warcioEnv)
	if dir == "" {
		t.Skipf("%s not set: the independent warcio check runs in .ci/run (npm ci --prefix .ci/warcio)", warcioEnv)
	}
	out, err := exec.Command("node", filepath.Join(dir, "check.mjs"), file).Output()
	if err != nil {
		t.Fatalf("warcio check: %v\n%s", err, out)
	}
	var got struct {
		Records, Warcinfo, Request, Response, BlockDigests, PayloadDigests int
		Errors                                                             []string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("warcio check output %q: %v", out, err)
	}
	t.Logf("warcio: %s", strings.TrimSpace(string(out)))
	if got.Response != responses || got.BlockDigests != got.Records || got.PayloadDigests != got.Request+got.Response || len(got.Errors) > 0 {
		t.Errorf("warcio read %+v, want %d responses and every digest right", got, responses)
	}
}
