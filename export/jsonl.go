package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// jsonlWriter writes one JSON object per line (JSON Lines). Cells are never
// neutralised: JSON consumers do not evaluate formulas.
type jsonlWriter struct {
	w   *bufio.Writer
	buf []byte
}

// NewJSONLWriter returns a Writer of JSON Lines: one object per row with the
// keys of Columns in order. observers, char_start and char_end are numbers,
// spans too when stated; a missing value (empty text, no spans) is null.
func NewJSONLWriter(w io.Writer) Writer {
	return &jsonlWriter{w: bufio.NewWriter(w)}
}

func (j *jsonlWriter) Write(r Row) error {
	j.buf = appendJSON(j.buf[:0], r)
	j.buf = append(j.buf, '\n')
	if _, err := j.w.Write(j.buf); err != nil {
		return fmt.Errorf("export: write jsonl row %s: %w", r.FactID, err)
	}
	return nil
}

func (j *jsonlWriter) Flush() error {
	if err := j.w.Flush(); err != nil {
		return fmt.Errorf("export: flush jsonl: %w", err)
	}
	return nil
}

// appendJSON appends r as a JSON object with keys in column order. It is
// written by hand because encoding/json cannot both keep the column order
// and emit missing values as null.
func appendJSON(b []byte, r Row) []byte {
	b = append(b, '{')
	for i, v := range r.Values() {
		if i > 0 {
			b = append(b, ',')
		}
		col := Columns[i]
		b = appendString(b, col)
		b = append(b, ':')
		switch {
		case v == "":
			b = append(b, "null"...)
		case numeric[col]:
			b = append(b, v...)
		default:
			b = appendString(b, v)
		}
	}
	return append(b, '}')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Unlike encoding/json it leaves
// <, > and & alone, so evidence stays readable; invalid UTF-8 becomes U+FFFD
// as in encoding/json.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			// Valid JSON, but JavaScript line terminators: escape as encoding/json does.
			b = append(b, `\u202`...)
			b = strconv.AppendInt(b, int64(r&0xf), 16)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
