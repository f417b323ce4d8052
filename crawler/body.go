package crawler

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// gzipMagic starts every gzip stream (RFC 1952).
const gzipMagic = "\x1f\x8b"

// maxGzipLayers bounds how many gzip layers are taken off one body.
const maxGzipLayers = 3

// inflatingTransport inflates gzip bodies itself, under a cap, so that no
// reader above it inflates a body without one. colly inflates any body
// whose Content-Encoding or Content-Type mentions gzip, or whose path ends
// in .xml.gz, and caps only the compressed bytes: a 1 MB response can
// inflate to gigabytes. Here such a body is inflated as it is read, at most
// limit bytes of it, and the response is marked Uncompressed so colly
// passes it through and its own cap applies to the inflated bytes.
type inflatingTransport struct {
	base  http.RoundTripper
	limit int64 // the most inflated bytes read; a longer body is cut there
}

func (t *inflatingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	layers, file := gzipLayers(resp)
	if layers == 0 && !file {
		return resp, nil
	}
	body, err := inflate(resp.Body, layers, file)
	if err != nil {
		resp.Body.Close()
		return nil, fmt.Errorf("crawler: inflate %s: %w", req.URL, err)
	}
	resp.Body = readCloser{io.LimitReader(body, t.limit), resp.Body}
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	resp.ContentLength = -1
	resp.Uncompressed = true
	return resp, nil
}

// gzipLayers tells how a response says its body is gzip: layers is the
// number of gzip content codings not yet taken off (Go's transport takes
// off a plain "gzip" it asked for itself), file whether the payload itself
// may be a gzip file (a .gz path or a gzip media type).
func gzipLayers(resp *http.Response) (layers int, file bool) {
	if !resp.Uncompressed {
		for _, c := range strings.Split(resp.Header.Get("Content-Encoding"), ",") {
			switch strings.ToLower(strings.TrimSpace(c)) {
			case "gzip", "x-gzip":
				layers++
			}
		}
	}
	path := ""
	if resp.Request != nil && resp.Request.URL != nil {
		path = strings.ToLower(resp.Request.URL.Path)
	}
	file = strings.HasSuffix(path, ".gz") || strings.Contains(strings.ToLower(resp.Header.Get("Content-Type")), "gzip")
	return min(layers, maxGzipLayers), file
}

// inflate takes the gzip layers off r, then one more when file is set and
// what is left starts like gzip. A layer that does not start like gzip ends
// the inflating: servers often label bodies gzip that they already inflated.
func inflate(r io.Reader, layers int, file bool) (io.Reader, error) {
	br := bufio.NewReader(r)
	if file {
		layers++
	}
	for range layers {
		if magic, _ := br.Peek(len(gzipMagic)); string(magic) != gzipMagic {
			break
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		br = bufio.NewReader(zr)
	}
	return br, nil
}

// readCloser reads from one reader and closes another.
type readCloser struct {
	io.Reader
	io.Closer
}
