package export

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Writer writes rows in some format. Call Flush once after the last row;
// output may be buffered until then.
type Writer interface {
	Write(Row) error
	Flush() error
}

// Formats are the names NewWriter accepts.
var Formats = []string{"csv", "jsonl"}

// NewWriter returns the Writer for a format name, "csv" or "jsonl" (case
// insensitive). opts apply to CSV only.
func NewWriter(w io.Writer, format string, opts CSVOptions) (Writer, error) {
	switch strings.ToLower(format) {
	case "csv":
		return NewCSVWriter(w, opts), nil
	case "jsonl":
		return NewJSONLWriter(w), nil
	}
	return nil, fmt.Errorf("export: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// FormatOf guesses the format from a file name's extension: ".jsonl",
// ".ndjson" and ".json" are "jsonl", anything else "csv".
func FormatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson", ".json":
		return "jsonl"
	}
	return "csv"
}
