package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/extract/article"
)

func init() {
	register(newExtractCmd)
}

// defaultMaxInput bounds one input: a news page is well under a megabyte, so
// anything this large is not an article and would only cost memory.
const defaultMaxInput = 16 << 20

// extractOptions are the flags of extract.
type extractOptions struct {
	out            output
	dbPath         string
	maxSize        int64
	timeout        time.Duration
	extractTimeout time.Duration
}

func newExtractCmd(a *app) *cobra.Command {
	var o extractOptions
	cmd := &cobra.Command{
		Use:   "extract [flags] INPUT...",
		Short: "Extract observer facts from saved pages, text dumps or URLs",
		Long: `Extracts observer facts from each INPUT (a saved HTML page, a text dump, or
an http(s) URL fetched once) and writes them to stdout or -o FILE, one row per
fact, in the columns of 'obsfacts export'. Messages go to stderr. The exit
status is 1 if any input failed; the other inputs are still processed.`,
		Example: `  obsfacts extract page.html --format jsonl
  obsfacts extract --db demo.db testdata/pages/*.html -o facts.csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("no input given: name files, text dumps or URLs")
			}
			if o.maxSize < 1 || o.timeout <= 0 {
				return usagef("--max-size and --timeout must be positive")
			}
			return runExtract(cmd.Context(), cmd, &o, args, a)
		},
	}
	fs := cmd.Flags()
	o.out.addFlags(fs, export.Formats)
	fs.StringVar(&o.dbPath, "db", "", "also store pages, articles and facts in this `DB`: an SQLite file or a postgres:// URL")
	fs.Int64Var(&o.maxSize, "max-size", defaultMaxInput, "largest input accepted, in `BYTES`")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit for fetching a URL input")
	addExtractTimeout(fs, &o.extractTimeout)
	return cmd
}

// resultSaver is what extract --db needs of a store.
type resultSaver interface {
	SaveResult(ctx context.Context, page extract.Page, kind, articleKey string, res *extract.Result) error
}

func runExtract(ctx context.Context, cmd *cobra.Command, o *extractOptions, inputs []string, a *app) (err error) {
	format, err := o.out.resolveFormat()
	if err != nil {
		return err
	}
	counts := map[string]int{}
	var saver resultSaver
	if o.dbPath != "" {
		st, err := openOrCreate(o.dbPath, 0)
		if err != nil {
			return err
		}
		defer st.Close()
		runID, err := st.StartCommand(ctx, "extract", strings.TrimSpace(fmt.Sprintf("%d inputs %s", len(inputs), flagLine(cmd))))
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
		a.onForcedExit(func(ctx context.Context) { _ = st.InterruptRun(ctx) })
		saver = st
	}
	dst, commit, err := o.out.open(a.stdout)
	if err != nil {
		return err
	}
	w, err := export.NewWriter(dst, format, o.out.csvOptions())
	if err != nil {
		return commit(err)
	}
	err = extractInputs(ctx, newExtractor(o.extractTimeout), inputs, w, saver, counts, o.maxSize, o.timeout, a.stderr)
	if errors.Is(err, errPartial) {
		// the facts of the inputs that worked are still written
		return errors.Join(commit(nil), err)
	}
	return commit(err)
}

func extractInputs(ctx context.Context, x *extract.Extractor, inputs []string, w export.Writer, st resultSaver, counts map[string]int, maxSize int64, timeout time.Duration, stderr io.Writer) error {
	client := &http.Client{Timeout: timeout}
	failed := 0
	for _, in := range inputs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		page, err := loadInput(ctx, client, in, maxSize)
		if err == nil {
			err = processPage(ctx, x, page, w, st, counts)
		}
		if err != nil {
			failed++
			counts["failed"]++
			fmt.Fprintf(stderr, "obsfacts extract: %s: %v\n", in, inputError(err))
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

// inputError words an input's error without the prefixes the packages
// stack on it: the caller has already named the input.
func inputError(err error) error {
	if errors.Is(err, article.ErrEmpty) {
		return errors.New("empty page: no text to extract")
	}
	msg := reStackedPrefix.ReplaceAllString(err.Error(), "")
	if errors.Is(err, article.ErrBinary) {
		return fmt.Errorf("not a page or text dump (%s)", strings.TrimSuffix(msg, ": binary content"))
	}
	return errors.New(msg)
}

// reStackedPrefix matches the package prefixes of wrapped extraction
// errors: "article: parse SOURCE: " and "article: decode: ".
var reStackedPrefix = regexp.MustCompile(`(extract|article): (parse [^:]*: )?(decode: )?`)

func processPage(ctx context.Context, x *extract.Extractor, page extract.Page, w export.Writer, st resultSaver, counts map[string]int) error {
	res, err := x.Process(page)
	if err != nil {
		return err
	}
	for _, warning := range res.Article.Warnings {
		slog.Warn(warning, "input", page.Source)
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

// loadInput reads a file or fetches a URL, refusing inputs over maxSize. A
// gzip-compressed input (a page saved as .gz) is decompressed, within the
// same limit.
func loadInput(ctx context.Context, client *http.Client, in string, maxSize int64) (extract.Page, error) {
	page, err := readInput(ctx, client, in, maxSize)
	if err != nil || !bytes.HasPrefix(page.Body, []byte("\x1f\x8b")) {
		return page, err
	}
	page.Body, err = gunzip(page.Body, maxSize)
	return page, err
}

// gunzip decompresses a gzip input, refusing one that unpacks to more than
// maxSize bytes.
func gunzip(body []byte, maxSize int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w (the file is damaged or cut short)", err)
	}
	if int64(len(out)) > maxSize {
		return nil, fmt.Errorf("unpacks to more than the %s limit", humanBytes(maxSize))
	}
	return out, nil
}

// readInput reads a file or fetches a URL as it is.
func readInput(ctx context.Context, client *http.Client, in string, maxSize int64) (extract.Page, error) {
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
