// Command mirror serves a directory of saved pages as a local mirror of the
// sites they came from, so that a crawl can run offline:
//
//	go run ./cmd/mirror -dir testdata/sites -addr 127.0.0.1:8099 &
//	go run ./cmd/obsfacts crawl --resolve '*=http://127.0.0.1:8099' --delay 0 ...
//
// The directory holds one folder per host; a URL's path maps to a file under
// it, its query after an "@" (www.inform.kz/ru/lenta?page=2 is
// www.inform.kz/ru/lenta@page=2.html), and a path ending in "/" to index.html.
// The request's Host header picks the folder, so every real URL, host and
// dedupe rule of the crawler stays as it is against the real sites.
package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir := flag.String("dir", "testdata/sites", "directory with one folder per host")
	addr := flag.String("addr", "127.0.0.1:8099", "address to listen on")
	flag.Parse()
	if fi, err := os.Stat(*dir); err != nil || !fi.IsDir() {
		fmt.Fprintf(os.Stderr, "mirror: %s is not a directory of saved sites (want one folder per host)\n", *dir)
		os.Exit(2)
	}
	slog.Info("serving saved sites", "dir", *dir, "addr", "http://"+*addr)
	if err := http.ListenAndServe(*addr, handler(*dir)); err != nil {
		fmt.Fprintln(os.Stderr, "mirror:", err)
		os.Exit(1)
	}
}

func handler(root string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := strings.Cut(r.Host, ":")
		if strings.Contains(host, "..") || strings.ContainsAny(host, `/\`) {
			http.NotFound(w, r)
			return
		}
		if rest, ok := strings.CutPrefix(host, "m."); ok {
			// A mobile host serves its site's pages (m.inform.kz is
			// www.inform.kz) unless it was saved apart.
			if _, err := os.Stat(filepath.Join(root, host)); err != nil {
				host = "www." + rest
			}
		}
		names := []string{r.URL.Path}
		if strings.HasSuffix(r.URL.Path, "/") {
			names = []string{r.URL.Path + "index", strings.TrimSuffix(r.URL.Path, "/")}
		}
		for _, name := range names {
			if r.URL.RawQuery != "" {
				name += "@" + r.URL.RawQuery
			}
			base := filepath.Join(root, host, filepath.FromSlash(filepath.Clean("/"+name)))
			for _, ext := range []string{"", ".html", ".xml", ".txt"} {
				data, err := os.ReadFile(base + ext)
				if err != nil {
					continue
				}
				fi, err := os.Stat(base + ext)
				if err != nil {
					continue
				}
				ct := mime.TypeByExtension(filepath.Ext(base + ext))
				switch {
				case ext == ".xml" || strings.HasPrefix(ct, "text/xml"):
					ct = "application/xml; charset=utf-8"
				case ct == "":
					ct = "text/plain; charset=utf-8"
				}
				w.Header().Set("Content-Type", ct)
				// Validators, so recrawls can ask "changed since?" and get 304.
				sum := sha256.Sum256(data)
				w.Header().Set("ETag", fmt.Sprintf(`"%x"`, sum[:8]))
				http.ServeContent(w, r, "", fi.ModTime(), bytes.NewReader(data))
				return
			}
		}
		http.NotFound(w, r)
	})
}
