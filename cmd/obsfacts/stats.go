package main

import (
	"github.com/spf13/cobra"
)

func init() {
	register(newStatsCmd)
}

func newStatsCmd(a *app) *cobra.Command {
	var dbPath string
	cmd := &cobra.Command{
		Use:   "stats [flags]",
		Short: "Summarise what a database holds",
		Long: `Prints what a store holds: pages and articles per site and month, facts per
subject code, URLs that failed or were skipped by reason, and recent runs.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := openReadOnly(dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			stats, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			return stats.WriteText(a.stdout)
		},
	}
	addDBFlag(cmd.Flags(), &dbPath, "to read")
	return cmd
}
