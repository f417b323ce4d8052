package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/store"
)

func init() {
	register(newExportCmd)
}

// factReader is what export and elections read from a store.
type factReader interface {
	Rows(ctx context.Context, f store.Filter, fn func(export.Row) error) error
}

func newExportCmd(a *app) *cobra.Command {
	var (
		dbPath string
		out    output
		dates  dateRange
		site   string
	)
	cmd := &cobra.Command{
		Use:   "export [flags]",
		Short: "Write the stored facts as CSV, TSV or JSON Lines",
		Long: `Writes every stored fact, one row per fact, ordered by publication time, in
these columns (README.md explains each):

  ` + wrapList(export.Columns, 76, "  ") + `

CSV follows RFC 4180: UTF-8, a header row, fields quoted where needed. A text
cell starting with = + - @ gets a leading ' so spreadsheets do not run it as a
formula (--raw turns this off). TSV is the same with tabs. JSON Lines has the
same keys, and is never altered.`,
		Example: `  obsfacts export --db obsfacts.db -o facts.csv
  obsfacts export --site kazinform --since 2023-03 --until 2023-03 --format jsonl`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var filter store.Filter
			var err error
			if filter.Since, filter.Until, err = dates.bounds(); err != nil {
				return err
			}
			format, st, err := openToExport(&out, dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			if filter.Hosts, err = siteHosts(cmd.Context(), site, st); err != nil {
				return err
			}
			n, err := exportRows(cmd.Context(), st, filter, &out, format, a.stdout)
			if err != nil {
				return err
			}
			if out.path != "" {
				fmt.Fprintf(a.stderr, "obsfacts export: %d facts written to %s\n", n, out.path)
			}
			return nil
		},
	}
	fs := cmd.Flags()
	addDBFlag(fs, &dbPath, "to read")
	out.addFlags(fs, export.Formats)
	dates.addFlags(fs, "publication")
	fs.StringVar(&site, "site", "", "only this crawler profile ("+profileNames()+": every host it covers) or publisher `HOST` and its subdomains")
	return cmd
}

// exportRows writes the rows of filter to out and returns how many.
func exportRows(ctx context.Context, src factReader, filter store.Filter, out *output, format string, stdout io.Writer) (int, error) {
	dst, commit, err := out.open(stdout)
	if err != nil {
		return 0, err
	}
	w, err := export.NewWriter(dst, format, out.csvOptions())
	if err != nil {
		return 0, commit(err)
	}
	n := 0
	err = src.Rows(ctx, filter, func(r export.Row) error {
		n++
		return w.Write(r)
	})
	if err == nil {
		err = w.Flush()
	}
	return n, commit(err)
}

// siteLister lists the publisher hosts a store holds.
type siteLister interface {
	Sites(ctx context.Context) ([]string, error)
}

// siteHosts turns a --site value into the hosts to select: a crawler
// profile's hosts, or the host given when a profile covers it or the store
// holds articles of it (or of its subdomains). Anything else is a usage
// error listing what there is, rather than an empty export.
func siteHosts(ctx context.Context, value string, st siteLister) ([]string, error) {
	if value == "" {
		return nil, nil
	}
	if p := crawler.ProfileByName(value); p != nil {
		return p.Hosts, nil
	}
	host := strings.TrimPrefix(strings.ToLower(value), "www.")
	stored, err := st.Sites(ctx)
	if err != nil {
		return nil, err
	}
	known := stored
	for _, p := range crawler.Profiles() {
		known = append(known, p.Hosts...)
	}
	for _, k := range known {
		if k == host || strings.HasSuffix(k, "."+host) || strings.HasSuffix(host, "."+k) {
			return []string{host}, nil
		}
	}
	return nil, usagef("--site %q: no such profile or host; profiles: %s; hosts stored: %s",
		value, profileNames(), cmp.Or(strings.Join(stored, ", "), "none"))
}

// wrapList joins words with ", " in lines of at most width bytes, each
// continuation line starting with indent.
func wrapList(words []string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, w := range words {
		if i > 0 {
			b.WriteString(",")
			line++
			if line+len(w)+1 > width {
				b.WriteString("\n" + indent)
				line = len(indent)
			} else {
				b.WriteString(" ")
				line++
			}
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}

// openToExport checks the output format, then opens the database to read,
// in this order so that a mistyped format creates nothing.
func openToExport(out *output, dbPath string) (string, database, error) {
	format, err := out.resolveFormat()
	if err != nil {
		return "", nil, err
	}
	st, err := openReadOnly(dbPath)
	return format, st, err
}
