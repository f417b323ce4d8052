package export

import (
	"encoding/csv"
	"fmt"
	"io"
)

// CSVOptions tune the CSV output.
type CSVOptions struct {
	// BOM writes a UTF-8 byte order mark first, which old Excel versions
	// need to read UTF-8. Off by default: R, pandas and Stata do not want it.
	BOM bool
	// Raw turns off CSV-injection neutralisation (see NewCSVWriter), for
	// consumers that never evaluate formulas and want cells byte-exact.
	Raw bool
	// Comma is the field separator: ',' when zero, '\t' for TSV.
	Comma rune
}

// csvWriter writes a header row, then one record per row.
type csvWriter struct {
	w      *csv.Writer
	out    io.Writer
	opts   CSVOptions
	header bool // header written
}

// NewCSVWriter returns a Writer of RFC 4180 CSV in UTF-8 with a header row of
// Columns. The header is written by the first Write or Flush, so an export
// with no rows still has it.
//
// Records end in "\n" rather than RFC 4180's "\r\n": encoding/csv would also
// turn the line breaks inside evidence into "\r\n", shifting the character
// offsets; every consumer we target reads either.
//
// Unless opts.Raw is set, a text cell that begins with '=', '+', '-', '@',
// tab or carriage return gets a leading single quote, so spreadsheets do not
// run it as a formula (OWASP "CSV injection"). Integer cells are left alone.
func NewCSVWriter(w io.Writer, opts CSVOptions) Writer {
	cw := csv.NewWriter(w)
	if opts.Comma != 0 {
		cw.Comma = opts.Comma
	}
	return &csvWriter{w: cw, out: w, opts: opts}
}

func (c *csvWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	if c.opts.BOM {
		// Straight to out: the csv.Writer's buffer is still empty here.
		if _, err := io.WriteString(c.out, "\uFEFF"); err != nil {
			return fmt.Errorf("export: write csv bom: %w", err)
		}
	}
	if err := c.w.Write(Columns); err != nil {
		return fmt.Errorf("export: write csv header: %w", err)
	}
	return nil
}

func (c *csvWriter) Write(r Row) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	rec := r.Values()
	if !c.opts.Raw {
		for i, v := range rec {
			if !numeric[Columns[i]] {
				rec[i] = Neutralize(v)
			}
		}
	}
	if err := c.w.Write(rec); err != nil {
		return fmt.Errorf("export: write csv row %s: %w", r.FactID, err)
	}
	return nil
}

func (c *csvWriter) Flush() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("export: flush csv: %w", err)
	}
	return nil
}

// Neutralize returns s with a leading single quote when it begins with a
// character that makes spreadsheets read a cell as a formula: '=', '+',
// '-', '@', tab or carriage return. Other text is returned unchanged.
func Neutralize(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
