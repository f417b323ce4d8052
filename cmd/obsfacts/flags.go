package main

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/obsfacts/obsfacts/extract"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagError turns pflag's parse errors into one usage message that names
// the flag and its value once and says what to write instead.
func flagError(cmd *cobra.Command, err error) error {
	var (
		invalid *pflag.InvalidValueError
		unknown *pflag.NotExistError
		missing *pflag.ValueRequiredError
	)
	switch {
	case errors.As(err, &invalid):
		return usagef("%s", invalidValue(invalid.GetFlag(), invalid.GetValue(), invalid.Unwrap()))
	case errors.As(err, &unknown):
		return usagef("%s", unknownFlag(cmd, unknown))
	case errors.As(err, &missing):
		return usagef("--%s needs a value", missing.GetFlag().Name)
	}
	return usagef("%v", err)
}

var digits = regexp.MustCompile(`^[0-9]+$`)

// invalidValue words a bad flag value by the flag's type.
func invalidValue(f *pflag.Flag, value string, cause error) string {
	switch f.Value.Type() {
	case "duration":
		if digits.MatchString(value) {
			return fmt.Sprintf("--%s %s: a duration needs a unit: %sms (milliseconds) or %ss (seconds)", f.Name, value, value, value)
		}
		return fmt.Sprintf("--%s %q: want a duration such as 500ms, 2s or 1m30s", f.Name, value)
	case "int", "int64":
		return fmt.Sprintf("--%s %q: want a whole number", f.Name, value)
	case "float64":
		return fmt.Sprintf("--%s %q: want a number such as 0.95", f.Name, value)
	}
	return fmt.Sprintf("--%s %q: %v", f.Name, value, cause)
}

// unknownFlag names the flag as typed and, when one is close, the flag that
// was probably meant: "-db" is "--db" with one dash, "--sice" is "--since".
func unknownFlag(cmd *cobra.Command, e *pflag.NotExistError) string {
	if group := e.GetSpecifiedShortnames(); group != "" {
		if cmd.Flags().Lookup(group) != nil {
			return fmt.Sprintf("unknown flag -%s: long flags take two dashes: --%s", group, group)
		}
		return fmt.Sprintf("unknown flag -%s", group)
	}
	name := e.GetSpecifiedName()
	best, bestDist := "", 3
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if d := editDistance(name, f.Name); d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	if best != "" {
		return fmt.Sprintf("unknown flag --%s (did you mean --%s?)", name, best)
	}
	return fmt.Sprintf("unknown flag --%s", name)
}

// editDistance is the Levenshtein distance of two short ASCII names.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// dateFlag is a --since or --until value: a year (2022), a month (2022-11)
// or a day (2022-11-20). A period stands for its first day after --since
// and its last day after --until, so --since 2022 --until 2022 is the year.
type dateFlag struct {
	text        string
	first, last time.Time
}

func (d *dateFlag) String() string { return d.text }
func (d *dateFlag) Type() string   { return "date" }

func (d *dateFlag) Set(v string) error {
	v = strings.TrimSpace(v)
	for _, p := range []struct {
		layout  string
		y, m, n int // the period's length
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if len(v) != len(p.layout) {
			continue
		}
		t, err := time.Parse(p.layout, v)
		if err != nil {
			break
		}
		d.text, d.first, d.last = v, t, t.AddDate(p.y, p.m, p.n).AddDate(0, 0, -1)
		return nil
	}
	return errors.New("want a date: 2022, 2022-11 or 2022-11-20")
}

// dateRange is the --since and --until pair of a command.
type dateRange struct{ since, until dateFlag }

func (r *dateRange) addFlags(fs *pflag.FlagSet, what string) {
	fs.Var(&r.since, "since", "earliest "+what+" date: YYYY, YYYY-MM or YYYY-MM-DD (a period means its first day)")
	fs.Var(&r.until, "until", "latest "+what+" date: YYYY, YYYY-MM or YYYY-MM-DD (a period means its last day)")
}

// bounds returns the first day of --since and the last day of --until (zero
// when not given), refusing a range that ends before it starts.
func (r *dateRange) bounds() (since, until time.Time, err error) {
	since, until = r.since.first, r.until.last
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return since, until, usagef("--since %s is after --until %s: swap them", r.since.text, r.until.text)
	}
	return since, until, nil
}

// defaultExtractTimeout bounds the time spent extracting facts from one
// page: real pages take milliseconds, a hostile one could take hours.
const defaultExtractTimeout = 5 * time.Second

// addExtractTimeout adds --extract-timeout to a command that extracts facts.
func addExtractTimeout(fs *pflag.FlagSet, d *time.Duration) {
	fs.DurationVar(d, "extract-timeout", defaultExtractTimeout, "most time spent extracting facts from one page; a page past it is reported as 'extraction timed out', keeps no facts, and the work goes on (0: no limit)")
}

// newExtractor returns the extraction pipeline with the commands' limits.
func newExtractor(timeout time.Duration) *extract.Extractor {
	l := extract.DefaultLimits
	l.TimeLimit = timeout
	return extract.NewExtractorWithLimits(l)
}
