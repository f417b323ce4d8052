package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/obsfacts/obsfacts/export"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/extract/article"
)

func init() {
	register(newArticleCmd)
}

// articleFormats are the output formats of the article command.
var articleFormats = []string{"jsonl", "txt"}

// articleOptions are the flags of article.
type articleOptions struct {
	path, format string
	maxSize      int64
	timeout      time.Duration
}

func newArticleCmd(a *app) *cobra.Command {
	var o articleOptions
	cmd := &cobra.Command{
		Use:   "article [flags] INPUT...",
		Short: "Print the article text and metadata of pages, text dumps or URLs",
		Long: `Reads each INPUT (a saved HTML page, a .gz file, a text dump, or an http(s)
URL fetched once) as obsfacts reads it before extracting facts: title, date,
author, section, tags, language, the layout that read it, and the body text
with menus, "Read also" blocks and other boilerplate removed.

jsonl (the default) writes one JSON object per input with the keys source,
url, site, title, published_at, author, section, tags, language, layout and
body. published_at is RFC 3339 with the publisher's offset, or a bare
YYYY-MM-DD when the page gives no time of day and offset that can be trusted.
txt writes the body alone; the bodies of several inputs are separated by a
line holding a form feed.

Messages go to stderr. The exit status is 1 if any input failed; the other
inputs are still written.`,
		Example: `  obsfacts article page.html
  obsfacts article --format txt https://example.com/news/1
  obsfacts article -o articles.jsonl pages/*.html.gz`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("no input given: name files, .gz files, text dumps or URLs")
			}
			if o.maxSize < 1 || o.timeout <= 0 {
				return usagef("--max-size and --timeout must be positive")
			}
			return runArticle(cmd.Context(), &o, args, a)
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&o.path, "output", "o", "", "write to `FILE` instead of stdout, atomically: a failed run leaves no partial file")
	fs.StringVar(&o.format, "format", "", "`jsonl` or txt (default: from the -o extension, else jsonl)")
	fs.Int64Var(&o.maxSize, "max-size", defaultMaxInput, "largest input accepted, in `BYTES`")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit for fetching a URL input")
	return cmd
}

// resolveFormat returns --format, else txt for a -o FILE ending in .txt,
// else jsonl.
func (o *articleOptions) resolveFormat() (string, error) {
	if o.format != "" {
		f := strings.ToLower(o.format)
		for _, known := range articleFormats {
			if f == known {
				return f, nil
			}
		}
		return "", usagef("--format %q: unknown format; use %s", o.format, strings.Join(articleFormats, " or "))
	}
	if strings.EqualFold(filepath.Ext(o.path), ".txt") {
		return "txt", nil
	}
	return "jsonl", nil
}

// articleRecord is one line of article's JSON Lines output.
type articleRecord struct {
	Source      string   `json:"source"`
	URL         string   `json:"url"`
	Site        string   `json:"site"`
	Title       string   `json:"title"`
	PublishedAt string   `json:"published_at"`
	Author      string   `json:"author"`
	Section     string   `json:"section"`
	Tags        []string `json:"tags"`
	Language    string   `json:"language"`
	Layout      string   `json:"layout"`
	Body        string   `json:"body"`
}

func newArticleRecord(p extract.Page, a extract.Article) articleRecord {
	tags := a.Tags
	if tags == nil {
		tags = []string{}
	}
	return articleRecord{Source: p.Source, URL: a.URL, Site: a.Site, Title: a.Title,
		PublishedAt: export.FormatPublished(a.PublishedAt, a.DateOnly), Author: a.Author, Section: a.Section,
		Tags: tags, Language: a.Language, Layout: a.Layout, Body: a.Body}
}

func runArticle(ctx context.Context, o *articleOptions, inputs []string, a *app) error {
	format, err := o.resolveFormat()
	if err != nil {
		return err
	}
	out := output{path: o.path}
	dst, commit, err := out.open(a.stdout)
	if err != nil {
		return err
	}
	err = writeArticles(ctx, inputs, dst, format, o, a.stderr)
	if errors.Is(err, errPartial) {
		// the articles of the inputs that worked are still written
		return errors.Join(commit(nil), err)
	}
	return commit(err)
}

// writeArticles reads each input and writes its article; an input that
// fails is reported on stderr and skipped.
func writeArticles(ctx context.Context, inputs []string, dst io.Writer, format string, o *articleOptions, stderr io.Writer) error {
	client := &http.Client{Timeout: o.timeout}
	enc := json.NewEncoder(dst)
	enc.SetEscapeHTML(false)
	failed, written := 0, 0
	for _, in := range inputs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		page, err := loadInput(ctx, client, in, o.maxSize)
		var art article.Article
		if err == nil {
			art, err = article.Parse(page)
		}
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "obsfacts article: %s: %v\n", in, inputError(err))
			continue
		}
		if strings.TrimSpace(art.Body) == "" {
			fmt.Fprintf(stderr, "obsfacts article: %s: no article text found (layout %s)\n", in, art.Layout)
		}
		switch format {
		case "txt":
			if written > 0 {
				_, err = io.WriteString(dst, "\f\n")
			}
			if err == nil {
				_, err = io.WriteString(dst, art.Body+"\n")
			}
		default:
			err = enc.Encode(newArticleRecord(page, art))
		}
		if err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		written++
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "obsfacts article: %d of %d inputs failed\n", failed, len(inputs))
		return errPartial
	}
	return nil
}
