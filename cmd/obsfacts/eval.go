package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"path/filepath"
	"slices"
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
files with the same base name: per file and per subject kind, every miss and
false positive with its sentence, then a summary of precision, recall and F1:
overall, per language and per rule. Inputs with no gold lines are pages
without facts: only their false positives count. A gold file whose facts are
about none of the inputs is an error. README.md describes the gold format.`,
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
			if err := goldMatchesInputs(goldPath, gold, args); err != nil {
				return err
			}
			languages := map[string]string{}
			preds, files, readings, err := predict(cmd.Context(), args, a.stderr, languages)
			if err != nil {
				return err
			}
			report := eval.Score(gold, preds, files)
			report.Explain(readings)
			report.Languages = languages
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

// goldMatchesInputs refuses a gold file none of whose facts is about an
// input: scoring would report nothing but misses-free zeros.
func goldMatchesInputs(goldPath string, gold []eval.Gold, inputs []string) error {
	names := map[string]bool{}
	for _, in := range inputs {
		names[filepath.Base(in)] = true
	}
	goldFiles := map[string]bool{}
	for _, g := range gold {
		if names[g.File] {
			return nil
		}
		goldFiles[g.File] = true
	}
	if len(gold) == 0 {
		return usagef("--gold %s: no gold facts in it", goldPath)
	}
	example := slices.Sorted(maps.Keys(goldFiles))[0]
	return usagef("--gold %s: its facts are about %d files (e.g. %s), none of them among the inputs: pass the files the gold describes",
		goldPath, len(goldFiles), example)
}

// predict extracts facts from every input, with the readings that competed
// for each count (by file), and records each file's article language in
// languages; an input that cannot be read is reported and scored as a page
// without facts.
func predict(ctx context.Context, inputs []string, stderr io.Writer, languages map[string]string) ([]eval.Prediction, []string, map[string][]extract.Reading, error) {
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
		languages[filepath.Base(in)] = res.Article.Language
	}
	return preds, files, readings, nil
}
