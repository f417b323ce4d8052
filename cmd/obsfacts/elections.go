package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/store"
)

func init() {
	register(newElectionsCmd)
}

func newElectionsCmd(a *app) *cobra.Command {
	var (
		dbPath string
		out    output
	)
	cmd := &cobra.Command{
		Use:   "elections [flags]",
		Short: "One row per election and observer group, reconciled across articles",
		Long: `Reconciles the stored facts of many articles into one row per election
(country, date and type) and observer group, in these columns (README.md
explains each):

  ` + wrapList(export.ElectionColumns, 76, "  ") + `

This is the table to start an analysis from.`,
		Example: `  obsfacts elections --db obsfacts.db -o elections.csv`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			format, st, err := openToExport(&out, dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			return writeElections(cmd.Context(), st, &out, format, a.stdout)
		},
	}
	fs := cmd.Flags()
	addDBFlag(fs, &dbPath, "to read")
	out.addFlags(fs, export.TextFormats)
	return cmd
}

func writeElections(ctx context.Context, src factReader, out *output, format string, stdout io.Writer) error {
	var rows []export.Row
	if err := src.Rows(ctx, store.Filter{}, func(r export.Row) error {
		rows = append(rows, r)
		return nil
	}); err != nil {
		return err
	}
	dst, commit, err := out.open(stdout)
	if err != nil {
		return err
	}
	return commit(export.WriteElections(dst, format, export.Reconcile(rows), out.csvOptions()))
}
