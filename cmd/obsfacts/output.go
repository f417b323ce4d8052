package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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
// The file is written as the shell's > would: through a symlink, keeping
// an existing file's mode, and a new file gets the mode the umask gives.
func (o *output) open(stdout io.Writer) (io.Writer, func(error) error, error) {
	if o.path == "" {
		return stdout, func(err error) error { return err }, nil
	}
	path, err := followLinks(o.path)
	if err != nil {
		return nil, nil, fmt.Errorf("-o %s: %w", o.path, err)
	}
	f, err := createBeside(path)
	if err != nil {
		return nil, nil, fmt.Errorf("-o %s: %w", o.path, pathCause(err))
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
			return fmt.Errorf("-o %s: %w", o.path, pathCause(err))
		}
		return nil
	}
	return f, commit, nil
}

// followLinks returns the file a path names once its symlinks are followed
// (a link to a missing file names that file), so that the file is replaced
// and the link stays.
func followLinks(path string) (string, error) {
	for range 40 { // as many links as Linux follows
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", pathCause(err)
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// createBeside creates a new temporary file in path's folder, with the
// mode of the file at path when there is one (and, where allowed, its
// owner), else with the mode the umask gives a new file.
func createBeside(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	for {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
			if err := f.Chmod(fi.Mode().Perm()); err != nil {
				f.Close()
				os.Remove(name)
				return nil, err
			}
			keepOwner(f, fi)
		}
		return f, nil
	}
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
// runs table: short, without the inputs and without --db (the database the
// table is in).
func flagLine(cmd *cobra.Command) string {
	var parts []string
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if f.Name == "db" {
			return
		}
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
