package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"time"

	"github.com/obsfacts/obsfacts/eval"
	"github.com/obsfacts/obsfacts/extract"
)

func init() {
	register("eval", "score extraction against hand-coded gold facts", runEval)
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	goldPath := fs.String("gold", "", "gold facts, JSON Lines in the format of seeds/gold.jsonl (required)")
	minP := fs.Float64("min-precision", 0, "exit with status 1 if precision is below this")
	minR := fs.Float64("min-recall", 0, "exit with status 1 if recall is below this")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: obsfacts eval --gold GOLD.jsonl [flags] INPUT...

Extracts facts from each INPUT and scores them against the gold facts of the
files with the same base name: precision, recall and F1 overall, per file, per
rule and per subject kind, then every miss and false positive with its
sentence. Inputs with no gold lines count as pages without facts.

Flags:
`)
		fs.PrintDefaults()
	}
	if ok, err := parseFlags(fs, args); !ok {
		return err
	}
	if *goldPath == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "obsfacts eval: need --gold FILE and at least one INPUT")
		fs.Usage()
		return errUsage
	}
	gold, err := eval.ReadGold(*goldPath)
	if err != nil {
		return err
	}
	preds, files, err := predict(ctx, fs.Args(), stderr)
	if err != nil {
		return err
	}
	report := eval.Score(gold, preds, files)
	if err := report.WriteText(stdout); err != nil {
		return err
	}
	if p, r := report.Overall.Precision(), report.Overall.Recall(); p < *minP || r < *minR {
		return fmt.Errorf("precision %.3f / recall %.3f below the required %.3f / %.3f", p, r, *minP, *minR)
	}
	return nil
}

// predict extracts facts from every input; an input that cannot be read is
// reported and scored as a page without facts.
func predict(ctx context.Context, inputs []string, stderr io.Writer) ([]eval.Prediction, []string, error) {
	x := extract.NewExtractor()
	var preds []eval.Prediction
	var files []string
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		files = append(files, filepath.Base(in))
		page, err := loadInput(ctx, &http.Client{Timeout: 30 * time.Second}, in, defaultMaxInput)
		if err != nil {
			fmt.Fprintf(stderr, "obsfacts eval: %s: %v\n", in, err)
			continue
		}
		res, err := x.Process(page)
		if err != nil {
			fmt.Fprintf(stderr, "obsfacts eval: %s: %v\n", in, err)
			continue
		}
		preds = append(preds, eval.FromFacts(filepath.Base(in), res.Facts)...)
	}
	return preds, files, nil
}
