package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/store"
)

func init() {
	register("extract", "extract observer facts from saved pages, text dumps or URLs", runExtract)
}

// maxInputBytes bounds one input: a news page is well under a megabyte, so
// anything this large is not an article and would only cost memory.
const defaultMaxInput = 16 << 20

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "csv", "output format: csv or jsonl")
	dbPath := fs.String("db", "", "also store pages, articles and facts in this SQLite `file`")
	raw := fs.Bool("raw", false, "CSV: do not neutralise cells that spreadsheets would read as formulas")
	maxSize := fs.Int64("max-size", defaultMaxInput, "largest input accepted, in `bytes`")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit for fetching a URL input")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: obsfacts extract [flags] INPUT...

Extracts observer facts from each INPUT — a saved HTML page, a text dump, or
an http(s) URL fetched once — and writes them to stdout, one row per fact.
Messages go to stderr. The exit status is 1 if any input failed; the other
inputs are still processed.

Flags:
`)
		fs.PrintDefaults()
	}
	if ok, err := parseFlags(fs, args); !ok {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "obsfacts extract: no input given: name files, text dumps or URLs")
		fs.Usage()
		return errUsage
	}
	w, err := export.NewWriter(stdout, *format, export.CSVOptions{Raw: *raw})
	if err != nil {
		fmt.Fprintf(stderr, "obsfacts extract: %v\n", err)
		return errUsage
	}
	counts := map[string]int{}
	var st *store.Store
	if *dbPath != "" {
		if st, err = store.Open(*dbPath); err != nil {
			return err
		}
		defer st.Close()
		runID, err := st.StartCommand(ctx, "extract", strings.Join(args, " "))
		if err != nil {
			return err
		}
		defer func() {
			outcome := "ok"
			if counts["failed"] > 0 {
				outcome = "partial"
			}
			_ = st.FinishRun(context.WithoutCancel(ctx), runID, counts, outcome)
		}()
	}
	return extractInputs(ctx, fs.Args(), w, st, counts, *maxSize, *timeout, stderr)
}

func extractInputs(ctx context.Context, inputs []string, w export.Writer, st *store.Store, counts map[string]int, maxSize int64, timeout time.Duration, stderr io.Writer) error {
	x := extract.NewExtractor()
	client := &http.Client{Timeout: timeout}
	failed := 0
	for _, in := range inputs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		page, err := loadInput(ctx, client, in, maxSize)
		if err == nil {
			err = processPage(ctx, x, page, w, st, counts, stderr)
		}
		if err != nil {
			failed++
			counts["failed"]++
			fmt.Fprintf(stderr, "obsfacts extract: %s: %v\n", in, err)
			continue
		}
		counts["inputs"]++
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "obsfacts extract: %d of %d inputs failed\n", failed, len(inputs))
		return errPartial
	}
	return nil
}

func processPage(ctx context.Context, x *extract.Extractor, page extract.Page, w export.Writer, st *store.Store, counts map[string]int, stderr io.Writer) error {
	res, err := x.Process(page)
	if err != nil {
		return err
	}
	for _, warning := range res.Warnings {
		slog.Warn("facts disagree", "input", page.Source, "check", warning)
	}
	// Parse turns bytes it cannot decode into U+FFFD without a word; the
	// page is still read, but the user should know its text lost characters.
	if !utf8.Valid(page.Body) && strings.ContainsRune(res.Article.Title+res.Article.Body, utf8.RuneError) {
		slog.Warn("invalid UTF-8: undecodable bytes replaced with U+FFFD", "input", page.Source)
	}
	if st != nil {
		// stored first: output only what also landed, so stdout and the store agree
		if err := st.SaveResult(ctx, page, "", "", res); err != nil {
			return err
		}
	}
	for _, f := range res.Facts {
		if err := w.Write(export.NewRow(page, res.Article, f)); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	counts["facts"] += len(res.Facts)
	return nil
}

// loadInput reads a file or fetches a URL, refusing inputs over maxSize.
func loadInput(ctx context.Context, client *http.Client, in string, maxSize int64) (extract.Page, error) {
	if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
		return fetchURL(ctx, client, in, maxSize)
	}
	f, err := os.Open(in)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return extract.Page{}, errors.New("no such file (check the path)")
		}
		return extract.Page{}, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() {
			return extract.Page{}, errors.New("is a directory: name the files inside it (e.g. DIR/*.html)")
		}
		if fi.Size() > maxSize {
			return extract.Page{}, fmt.Errorf("file is %s, larger than the %s limit (raise --max-size if it really is one article)", humanBytes(fi.Size()), humanBytes(maxSize))
		}
	}
	body, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return extract.Page{}, fmt.Errorf("read: %w", err)
	}
	if int64(len(body)) > maxSize {
		return extract.Page{}, fmt.Errorf("input is larger than the %s limit", humanBytes(maxSize))
	}
	return extract.Page{Source: in, Body: body}, nil
}

func fetchURL(ctx context.Context, client *http.Client, u string, maxSize int64) (extract.Page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return extract.Page{}, fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("User-Agent", userAgent(""))
	resp, err := client.Do(req)
	if err != nil {
		if isTimeout(err) {
			return extract.Page{}, fmt.Errorf("fetch timed out after %s (raise --timeout or try later)", client.Timeout)
		}
		return extract.Page{}, fmt.Errorf("fetch: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return extract.Page{}, fmt.Errorf("fetch: HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxSize+1))
	if err != nil {
		// client.Timeout also cuts off a body that stalls half-way
		if isTimeout(err) {
			return extract.Page{}, fmt.Errorf("fetch timed out after %s while reading the page (raise --timeout or try later)", client.Timeout)
		}
		return extract.Page{}, fmt.Errorf("fetch: read body: %w", err)
	}
	if int64(len(body)) > maxSize {
		return extract.Page{}, fmt.Errorf("page is larger than the %s limit", humanBytes(maxSize))
	}
	return extract.Page{
		Source:      u,
		URL:         resp.Request.URL.String(),
		ContentType: resp.Header.Get("Content-Type"),
		Body:        body,
		FetchedAt:   time.Now().UTC(),
	}, nil
}

func isTimeout(err error) bool {
	var te interface{ Timeout() bool }
	return errors.As(err, &te) && te.Timeout()
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// userAgent names obsfacts and, when given, a contact URL, so site owners
// can tell who is fetching and how to reach them.
func userAgent(contact string) string {
	ua := "obsfacts/" + extract.Version + " (+https://github.com/obsfacts/obsfacts; election-observer research)"
	if contact != "" {
		ua = "obsfacts/" + extract.Version + " (+" + contact + ")"
	}
	return ua
}
