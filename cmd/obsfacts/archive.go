package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/obsfacts/obsfacts/crawler"
	"github.com/obsfacts/obsfacts/export/warc"
	"github.com/obsfacts/obsfacts/extract"
	"github.com/obsfacts/obsfacts/store"
)

func init() {
	register(newArchiveCmd)
}

func newArchiveCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "archive",
		Short: "Work with the archive of fetched pages (export it as WARC)",
		Long: `Every response a crawl fetched is archived in the database as it came: status,
headers, body. 'archive export' writes it out as WARC files.`,
		Args: noArgs,
	}
	cmd.AddCommand(newArchiveExportCmd(a))
	return cmd
}

func newArchiveExportCmd(a *app) *cobra.Command {
	var (
		dbPath, out, site string
		dates             dateRange
	)
	cmd := &cobra.Command{
		Use:   "export --warc FILE.warc.gz [flags]",
		Short: "Write the archived responses as a WARC 1.1 file",
		Long: `Writes the archived HTTP responses as one WARC 1.1 file (ISO 28500): a warcinfo
record, then for each fetch a request record and a response record with the
original headers and sha1 block and payload digests, each record gzipped on
its own. pywb, ReplayWeb.page, warcio and other WARC tools read it.

The body is written as it was archived, with its content codings (gzip) taken
off, so Content-Encoding is left out and Content-Length is that of the body.
Pages archived before request headers were kept get a bare GET request.`,
		Example: `  obsfacts archive export --warc crawl.warc.gz
  obsfacts archive export --warc oct.warc.gz --since 2026-10 --until 2026-10 --site kazinform`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usagef("--warc FILE is required, e.g. --warc crawl.warc.gz")
			}
			since, until, err := dates.bounds()
			if err != nil {
				return err
			}
			return exportWARC(cmd.Context(), a, dbPath, out, store.ArchiveFilter{Since: since, Until: until, Site: site})
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&out, "warc", "", "write the WARC to `FILE` (gzip per record; .warc.gz is the usual name)")
	addDBFlag(fs, &dbPath, "to read")
	dates.addFlags(fs, "fetch")
	fs.StringVar(&site, "site", "", "only responses of this crawler profile (kazinform, qazaqtv) or `HOST`")
	return cmd
}

func exportWARC(ctx context.Context, a *app, dbPath, out string, f store.ArchiveFilter) error {
	if f.Site != "" && crawler.ProfileByName(f.Site) == nil && !strings.Contains(f.Site, ".") {
		return usagef("--site %q: not a profile (%s) or a host", f.Site, profileNames())
	}
	st, err := openReadOnly(dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	w, err := warc.Create(out, warcInfo(dbPath, ""))
	if err != nil {
		return err
	}
	err = st.EachResponse(ctx, f, func(r crawler.Response) error {
		return w.Write(fetchOf(r))
	})
	if err != nil {
		w.Close()
		os.Remove(out) // never a partial file that looks complete
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	n := w.Counts()
	if n.Responses == 0 {
		a.message("no archived responses match: %s holds only the warcinfo record", out)
	}
	fi, _ := os.Stat(out)
	var size int64
	if fi != nil {
		size = fi.Size()
	}
	fmt.Fprintf(a.stderr, "wrote %d responses and %d requests to %s (%d bytes)\n", n.Responses, n.Requests, out, size)
	return nil
}

// warcInfo describes the WARC files of a database.
func warcInfo(dbPath, contact string) warc.Info {
	return warc.Info{
		Software:    "obsfacts/" + extract.Version,
		Description: "pages archived by obsfacts in " + filepath.Base(dbPath),
		Operator:    contact,
	}
}

// fetchOf turns an archived response into a WARC fetch.
func fetchOf(r crawler.Response) warc.Fetch {
	u := r.FinalURL
	if u == "" {
		u = r.Item.URL
	}
	return warc.Fetch{URL: u, RequestHeader: r.RequestHeader, Status: r.Status, Header: r.Header, Body: r.Body, FetchedAt: r.FetchedAt}
}

// warcArchive also writes every response the crawl archives to WARC files
// (crawl --warc DIR).
type warcArchive struct {
	crawler.Archive
	w *warc.Writer
}

func (a warcArchive) SaveResponse(ctx context.Context, resp crawler.Response, res *extract.Result) error {
	if err := a.Archive.SaveResponse(ctx, resp, res); err != nil {
		return err
	}
	return a.w.Write(fetchOf(resp))
}
