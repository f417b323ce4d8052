package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/obsfacts/obsfacts/eval"
	"github.com/obsfacts/obsfacts/extract"
)

func init() {
	register(newEvalCmd)
}

func newEvalCmd(a *app) *cobra.Command {
	var (
		goldPath   string
		minP, minR float64
	)
	cmd := &cobra.Command{
		Use:   "eval --gold GOLD.jsonl [flags] INPUT...",
		Short: "Score extraction against hand-coded gold facts",
		Long: `Extracts facts from each INPUT and scores them against the gold facts of the
files with the same base name: precision, recall and F1 overall, per file, per
rule and per subject kind, then every miss and false positive with its
sentence. Inputs with no gold lines count as pages without facts. README.md
describes the gold format.`,
		Example: `  obsfacts eval --gold testdata/corpus/en/gold.jsonl testdata/corpus/en/*.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if goldPath == "" {
				return usagef("--gold is required: name the gold facts file (JSON Lines)")
			}
			if len(args) == 0 {
				return usagef("no input given: name the files to score")
			}
			gold, err := eval.ReadGold(goldPath)
			if err != nil {
				return err
			}
			preds, files, readings, err := predict(cmd.Context(), args, a.stderr)
			if err != nil {
				return err
			}
			report := eval.Score(gold, preds, files)
			report.Explain(readings)
			if err := report.WriteText(a.stdout); err != nil {
				return err
			}
			if p, r := report.Overall.Precision(), report.Overall.Recall(); p < minP || r < minR {
				return fmt.Errorf("precision %.3f / recall %.3f below the required %.3f / %.3f", p, r, minP, minR)
			}
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&goldPath, "gold", "", "gold facts, JSON Lines, one object per fact (`FILE`, required)")
	fs.Float64Var(&minP, "min-precision", 0, "exit with status 1 if precision is below `P`")
	fs.Float64Var(&minR, "min-recall", 0, "exit with status 1 if recall is below `R`")
	return cmd
}

// predict extracts facts from every input, with the readings that competed
// for each count (by file); an input that cannot be read is reported and
// scored as a page without facts.
func predict(ctx context.Context, inputs []string, stderr io.Writer) ([]eval.Prediction, []string, map[string][]extract.Reading, error) {
	x := extract.NewExtractor()
	var preds []eval.Prediction
	var files []string
	readings := map[string][]extract.Reading{}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return nil, nil, nil, err
		}
		files = append(files, filepath.Base(in))
		page, err := loadInput(ctx, &http.Client{Timeout: 30 * time.Second}, in, defaultMaxInput)
		if err != nil {
			fmt.Fprintf(stderr, "obsfacts eval: %s: %v\n", in, inputError(err))
			continue
		}
		res, rs, err := x.Explain(page)
		if err != nil {
			fmt.Fprintf(stderr, "obsfacts eval: %s: %v\n", in, inputError(err))
			continue
		}
		preds = append(preds, eval.FromFacts(filepath.Base(in), res.Facts)...)
		readings[filepath.Base(in)] = rs
	}
	return preds, files, readings, nil
}
