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
var Formats = []string{"csv", "tsv", "jsonl", "parquet"}

// TextFormats are the formats of WriteElections.
var TextFormats = []string{"csv", "tsv", "jsonl"}

// NewWriter returns the Writer for a format name of Formats (case
// insensitive). opts apply to CSV and TSV only.
func NewWriter(w io.Writer, format string, opts CSVOptions) (Writer, error) {
	switch strings.ToLower(format) {
	case "csv":
		return NewCSVWriter(w, opts), nil
	case "tsv":
		opts.Comma = '\t'
		return NewCSVWriter(w, opts), nil
	case "jsonl":
		return NewJSONLWriter(w), nil
	case "parquet":
		return NewParquetWriter(w), nil
	}
	return nil, fmt.Errorf("unknown format %q: use %s", format, strings.Join(Formats, ", "))
}

// FormatOf tells the format from a file name's extension: ".csv", ".tsv"
// (or ".tab"), ".jsonl" (or ".ndjson") and ".parquet". ok is false for any other
// extension, so a name such as out.xlsx is refused rather than silently
// written as CSV.
func FormatOf(path string) (format string, ok bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv", true
	case ".tsv", ".tab":
		return "tsv", true
	case ".jsonl", ".ndjson":
		return "jsonl", true
	case ".parquet":
		return "parquet", true
	}
	return "", false
}
