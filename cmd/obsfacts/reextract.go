package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/obsfacts/obsfacts/extract"
)

func init() {
	register(newReextractCmd)
}

func newReextractCmd(a *app) *cobra.Command {
	var (
		dbPath         string
		extractTimeout time.Duration
	)
	cmd := &cobra.Command{
		Use:   "reextract [flags]",
		Short: "Re-run extraction over the stored pages, offline",
		Long: `Re-runs article and fact extraction over every stored article page, without
the network, after the extractor changed. Each article's facts are replaced
in one transaction and stamped with extractor version ` + extract.Version + `;
an interrupted run can simply be started again.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runReextract(cmd.Context(), dbPath, newExtractor(extractTimeout), a)
		},
	}
	addDBFlag(cmd.Flags(), &dbPath, "to update")
	addExtractTimeout(cmd.Flags(), &extractTimeout)
	return cmd
}

func runReextract(ctx context.Context, dbPath string, x *extract.Extractor, a *app) error {
	stderr := a.stderr
	st, err := openForUpdate(dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	a.onForcedExit(func(ctx context.Context) { _ = st.InterruptRun(ctx) })
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	runID, err := st.StartCommand(ctx, "reextract", "")
	if err != nil {
		return err
	}
	counts := map[string]int{}
	bar := newProgress(stderr, stats.Totals.Articles, "re-extracting")
	start := time.Now()
	err = st.EachPage(ctx, func(pageID int64, p extract.Page, kind, key string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		defer bar.Add(1)
		res, err := x.Process(p)
		if err != nil {
			// a page that no longer parses keeps its old facts: report, go on
			counts["failed"]++
			slog.Warn("re-extract failed; old facts kept", "article", key, "err", err)
			return nil
		}
		if err := st.ReplaceFacts(ctx, pageID, key, res); err != nil {
			return err
		}
		counts["articles"]++
		counts["facts"] += len(res.Facts)
		return nil
	})
	_ = bar.Finish()
	outcome := "ok"
	if err != nil {
		outcome = "error: " + err.Error()
		if errors.Is(err, context.Canceled) {
			outcome = "interrupted"
		}
	}
	_ = st.FinishRun(context.WithoutCancel(ctx), runID, counts, outcome)
	fmt.Fprintf(stderr, "obsfacts reextract: %d articles, %d facts, %d failed in %s\n",
		counts["articles"], counts["facts"], counts["failed"], time.Since(start).Round(time.Millisecond))
	return err
}

// newProgress returns a live progress bar on a terminal and a silent one
// otherwise (long runs then log through slog).
func newProgress(w io.Writer, total int, what string) *progressbar.ProgressBar {
	if isTerminal(w) {
		return progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(what),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	return progressbar.NewOptions(total, progressbar.OptionSetWriter(io.Discard))
}
