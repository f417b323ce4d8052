package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/obsfacts/obsfacts/export"
)

// output is the -o and --format pair (and the CSV options) of every command
// that writes data.
type output struct {
	path, format string
	raw, bom     bool
	formats      []string // the formats the command writes
}

// addFlags adds -o, --format, --raw and --bom for a command that writes
// the given formats.
func (o *output) addFlags(fs *pflag.FlagSet, formats []string) {
	o.formats = formats
	fs.StringVarP(&o.path, "output", "o", "", "write to `FILE` instead of stdout, atomically: a failed run leaves no partial file")
	fs.StringVar(&o.format, "format", "", "`FORMAT`: "+strings.Join(formats, ", ")+" (default: from the -o extension, else csv)")
	fs.BoolVar(&o.raw, "raw", false, "CSV/TSV: do not neutralise cells that spreadsheets would read as formulas")
	fs.BoolVar(&o.bom, "bom", false, "CSV/TSV: start with a UTF-8 byte order mark (for old Excel versions)")
}

// resolveFormat returns the format to write: --format, else the -o
// extension, else csv. It is called before anything is created, so a typo
// leaves no file behind.
func (o *output) resolveFormat() (string, error) {
	if o.format != "" {
		f := strings.ToLower(o.format)
		if !slices.Contains(o.formats, f) {
			return "", usagef("--format %q: unknown format; use %s", o.format, strings.Join(o.formats, ", "))
		}
		return f, nil
	}
	if o.path == "" {
		return "csv", nil
	}
	f, ok := export.FormatOf(o.path)
	if !ok || !slices.Contains(o.formats, f) {
		return "", usagef("-o %s: cannot tell the format from the file name: end it in .%s, or pass --format",
			o.path, strings.Join(o.formats, ", ."))
	}
	return f, nil
}

// csvOptions are the options of the CSV and TSV writers.
func (o *output) csvOptions() export.CSVOptions {
	return export.CSVOptions{Raw: o.raw, BOM: o.bom}
}

// open returns where to write: stdout, or a temporary file next to -o that
// commit renames into place only when everything was written, so a failed
// run (full disk, interrupt) never leaves a truncated file posing as a
// complete one. commit(err) with a non-nil err removes the temporary file.
func (o *output) open(stdout io.Writer) (io.Writer, func(error) error, error) {
	path := o.path
	if path == "" {
		return stdout, func(err error) error { return err }, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, fmt.Errorf("-o %s: %w", path, pathCause(err))
	}
	commit := func(err error) error {
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(f.Name(), path)
		}
		if err != nil {
			os.Remove(f.Name())
			return fmt.Errorf("-o %s: %w", path, pathCause(err))
		}
		return nil
	}
	return f, commit, nil
}

// pathCause drops the file name from an *fs.PathError: the name is the
// temporary file's, which means nothing to the user, and the caller names
// the real one.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return errors.New("no such directory")
		}
		return pe.Err
	}
	return err
}

// flagLine is a command's changed flags as they would be typed, for the
// runs table: short, without the inputs.
func flagLine(cmd *cobra.Command) string {
	var parts []string
	cmd.Flags().Visit(func(f *pflag.Flag) {
		vals := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			vals = sv.GetSlice()
		}
		for _, v := range vals {
			if f.Value.Type() == "bool" && v == "true" {
				parts = append(parts, "--"+f.Name)
				continue
			}
			parts = append(parts, "--"+f.Name+" "+v)
		}
	})
	return strings.Join(parts, " ")
}
