package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/store"
)

func init() {
	register("elections", "one row per election and observer group, reconciled across articles", runElections)
}

func runElections(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("elections", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", defaultDB, "SQLite `file` to read")
	format := fs.String("format", "csv", "csv or jsonl")
	raw := fs.Bool("raw", false, "CSV: do not neutralise cells that spreadsheets would read as formulas")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: obsfacts elections [--db FILE] [--format csv|jsonl]

Reconciles the stored facts of many articles into one row per election
(date and type) and observer group: the latest accredited count with the date
it holds at, the largest count stated, how many articles state a count, and
the fact ids behind the row.

Flags:
`)
		fs.PrintDefaults()
	}
	if ok, err := parseFlags(fs, args); !ok {
		return err
	}
	if *format != "csv" && *format != "jsonl" {
		fmt.Fprintf(stderr, "obsfacts elections: unknown format %q: use csv or jsonl\n", *format)
		return errUsage
	}
	st, err := openExisting(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	var rows []export.Row
	if err := st.Rows(ctx, store.Filter{}, func(r export.Row) error {
		rows = append(rows, r)
		return nil
	}); err != nil {
		return err
	}
	return export.WriteElections(stdout, *format, export.Reconcile(rows), *raw)
}
