package main

import (
	"context"
	"flag"
	"fmt"
	"io"
)

func init() {
	register("stats", "summarise what a database holds", runStats)
}

func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", defaultDB, "SQLite `file` to read")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: obsfacts stats [--db FILE]

Prints what a store holds: pages and articles per site and month, facts per
subject code, URLs that failed or were skipped by reason, and recent runs.

Flags:
`)
		fs.PrintDefaults()
	}
	if ok, err := parseFlags(fs, args); !ok {
		return err
	}
	st, err := openExisting(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	return stats.WriteText(stdout)
}
