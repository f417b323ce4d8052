package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/store"
)

func init() {
	register("export", "write the stored facts as CSV or JSON Lines", runExport)
}

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", defaultDB, "SQLite `file` to read")
	format := fs.String("format", "", "csv or jsonl (default: from the -o extension, else csv)")
	out := fs.String("o", "", "write to `file` instead of stdout (written atomically)")
	since := fs.String("since", "", "only articles published on or after this `date` (YYYY-MM-DD)")
	until := fs.String("until", "", "only articles published on or before this `date` (YYYY-MM-DD)")
	site := fs.String("site", "", "only this publisher host, domain or crawler profile")
	raw := fs.Bool("raw", false, "CSV: do not neutralise cells that spreadsheets would read as formulas")
	bom := fs.Bool("bom", false, "CSV: start with a UTF-8 byte order mark (for old Excel versions)")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: obsfacts export [flags]

Writes every stored fact, one row per fact, in the columns README.md lists.
CSV is RFC 4180, UTF-8, with a header row; cells starting with = + - @ are
prefixed with ' so spreadsheets do not run them as formulas (--raw turns
this off). JSON Lines has the same keys.

Flags:
`)
		fs.PrintDefaults()
	}
	if ok, err := parseFlags(fs, args); !ok {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "obsfacts export: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	var filter store.Filter
	var err error
	if filter.Since, err = parseDay("--since", *since); err != nil {
		fmt.Fprintln(stderr, "obsfacts export:", err)
		return errUsage
	}
	if filter.Until, err = parseDay("--until", *until); err != nil {
		fmt.Fprintln(stderr, "obsfacts export:", err)
		return errUsage
	}
	filter.Site = *site
	if *format == "" {
		*format = "csv"
		if *out != "" {
			*format = export.FormatOf(*out)
		}
	}
	// checked before -o is created, so a typo leaves no file behind
	if !slices.Contains(export.Formats, strings.ToLower(*format)) {
		fmt.Fprintf(stderr, "obsfacts export: unknown format %q: use %s\n", *format, strings.Join(export.Formats, " or "))
		return errUsage
	}
	st, err := openExisting(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	dst, commit, err := outputFile(*out, stdout)
	if err != nil {
		return err
	}
	w, err := export.NewWriter(dst, *format, export.CSVOptions{Raw: *raw, BOM: *bom})
	if err != nil {
		_ = commit(err) // removes the temporary file
		fmt.Fprintln(stderr, "obsfacts export:", err)
		return errUsage
	}
	n := 0
	err = st.Rows(ctx, filter, func(r export.Row) error {
		n++
		return w.Write(r)
	})
	if err == nil {
		err = w.Flush()
	}
	if err = commit(err); err != nil {
		return err
	}
	if *out != "" {
		fmt.Fprintf(stderr, "obsfacts export: %d facts written to %s\n", n, *out)
	}
	return nil
}

const defaultDB = "obsfacts.db"

// openExisting opens the store at path, refusing to create an empty
// database where the user meant to read one.
func openExisting(path string) (*store.Store, error) {
	if err := requireDB(path); err != nil {
		return nil, err
	}
	return store.Open(path)
}

// requireDB refuses to create an empty database where the user meant to
// read one.
func requireDB(path string) error {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("no database at %s: run 'obsfacts crawl' or 'obsfacts extract --db %s' first, or pass --db", path, path)
		}
		return err
	}
	return nil
}

// parseDay reads a YYYY-MM-DD flag value.
func parseDay(flagName, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q: want a date like 2022-11-20", flagName, v)
	}
	return t, nil
}

// outputFile returns where to write: stdout, or a temporary file next to
// path that commit renames into place only when everything was written, so
// a failed export (full disk, interrupt) never leaves a truncated file
// posing as a complete one.
func outputFile(path string, stdout io.Writer) (io.Writer, func(error) error, error) {
	if path == "" {
		return stdout, func(err error) error { return err }, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, fmt.Errorf("create %s: %w", path, err)
	}
	commit := func(err error) error {
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(f.Name(), path)
		}
		if err != nil {
			os.Remove(f.Name())
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	return f, commit, nil
}
