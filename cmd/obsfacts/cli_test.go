package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelpAndVersion checks that help, version and completion go to stdout
// with exit status 0, in --flag spelling, however they are asked for.
func TestHelpAndVersion(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // all on stdout
	}{
		{"crawl --help", []string{"crawl", "--help"}, []string{"Usage:\n  obsfacts crawl [flags]", "--site PROFILE", "(default [all])", "--db DB", "--since date"}},
		{"help crawl", []string{"help", "crawl"}, []string{"Usage:\n  obsfacts crawl [flags]", "--resolve HOST=ADDR"}},
		{"-h after args", []string{"extract", "page.html", "-h"}, []string{"Usage:\n  obsfacts extract [flags] INPUT...", "-o, --output FILE", "--format FORMAT", "csv, tsv, jsonl, parquet"}},
		{"export lists its columns", []string{"export", "--help"}, []string{"fact_id, source, source_url", "election_country", "--site HOST"}},
		{"elections lists its columns", []string{"elections", "--help"}, []string{"latest_accredited", "largest_status", "-o, --output FILE"}},
		{"root help", []string{"--help"}, []string{"Available Commands:", "crawl", "completion", "reextract"}},
		{"--version", []string{"--version"}, []string{"obsfacts (extractor "}},
		{"version command", []string{"version"}, []string{"obsfacts (extractor "}},
		{"bash completion", []string{"completion", "bash"}, []string{"bash completion", "__start_obsfacts"}},
		{"zsh completion", []string{"completion", "zsh"}, []string{"#compdef obsfacts"}},
		{"fish completion", []string{"completion", "fish"}, []string{"complete -c obsfacts"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != 0 {
				t.Errorf("exit %d, want 0\n%s", code, errOut)
			}
			if errOut != "" {
				t.Errorf("stderr: %q", errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			if strings.Contains(out, " -db ") {
				t.Errorf("help spells a long flag with one dash:\n%s", out)
			}
		})
	}
}

// TestUsageErrors checks that every bad flag or argument exits 2 with one
// message that names the value once and says what to write instead.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // the whole first line of stderr
	}{
		{"no command", nil, "obsfacts: name a command"},
		{"unknown command", []string{"crwal"}, `obsfacts: unknown command "crwal" (did you mean "crawl"?)`},
		{"duration without unit", []string{"crawl", "--delay", "200"}, "obsfacts crawl: --delay 200: a duration needs a unit: 200ms (milliseconds) or 200s (seconds)"},
		{"bad duration", []string{"extract", "--timeout", "soon", "x.html"}, `obsfacts extract: --timeout "soon": want a duration such as 500ms, 2s or 1m30s`},
		{"bad number", []string{"crawl", "--parallel", "two"}, `obsfacts crawl: --parallel "two": want a whole number`},
		{"one dash", []string{"export", "-db", "x.db"}, "obsfacts export: unknown flag -db: long flags take two dashes: --db"},
		{"typo in flag", []string{"export", "--sinse", "2022"}, "obsfacts export: unknown flag --sinse (did you mean --since?)"},
		{"flag without value", []string{"export", "--db"}, "obsfacts export: --db needs a value"},
		{"bad month", []string{"export", "--since", "2022-13"}, `obsfacts export: --since "2022-13": want a date: 2022, 2022-11 or 2022-11-20`},
		{"unknown site", []string{"crawl", "--site", "nosuch"}, `obsfacts crawl: --site "nosuch": unknown site; use kazinform, qazaqtv or all`},
		{"stray argument", []string{"stats", "extra"}, `obsfacts stats: unexpected argument "extra"`},
		{"eval without gold", []string{"eval", "x.txt"}, "obsfacts eval: --gold is required: name the gold facts file (JSON Lines)"},
		{"no parquet for elections", []string{"elections", "--format", "parquet"}, `obsfacts elections: --format "parquet": unknown format; use csv, tsv, jsonl`},
		{"json is not jsonl", []string{"elections", "-o", "e.json"}, "obsfacts elections: -o e.json: cannot tell the format from the file name: end it in .csv, .tsv, .jsonl, or pass --format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if tt.args != nil && out != "" {
				t.Errorf("stdout: %q", out)
			}
			lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
			if i := len(lines) - 2; i < 0 || lines[i] != tt.want {
				t.Errorf("stderr:\n%s\nwant the line:\n%s", errOut, tt.want)
			}
			if !strings.HasSuffix(errOut, "--help' for usage.\n") {
				t.Errorf("no pointer to the help:\n%s", errOut)
			}
		})
	}
}

// TestFlagsAnywhere checks that flags after the inputs are flags, and that
// -o picks the format from its extension.
func TestFlagsAnywhere(t *testing.T) {
	page := fixturePage("dump_ic24_majilis2023.txt")
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		file   string // output file, "" for stdout
		prefix string
	}{
		{"format after the input", []string{page, "--format", "jsonl"}, "", `{"fact_id":`},
		{"-o .jsonl", []string{page, "-o", filepath.Join(dir, "f.jsonl")}, "f.jsonl", `{"fact_id":`},
		{"-o .tsv", []string{page, "-o", filepath.Join(dir, "f.tsv")}, "f.tsv", "fact_id\tsource\t"},
		{"-o .csv", []string{"-o", filepath.Join(dir, "f.csv"), page}, "f.csv", "fact_id,source,"},
		{"--format beats the extension", []string{page, "--format", "csv", "--output", filepath.Join(dir, "g.jsonl")}, "g.jsonl", "fact_id,source,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, append([]string{"extract"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, errOut)
			}
			if tt.file != "" {
				if out != "" {
					t.Errorf("stdout not empty with -o: %q", out)
				}
				data, err := os.ReadFile(filepath.Join(dir, tt.file))
				if err != nil {
					t.Fatal(err)
				}
				out = string(data)
			}
			if !strings.HasPrefix(out, tt.prefix) {
				t.Errorf("output starts %q, want %q", out[:min(len(out), 40)], tt.prefix)
			}
		})
	}
}

// TestInputNamedOnce checks that an input's error names it once, with no
// package prefixes stacked on the reason.
func TestInputNamedOnce(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.html")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "extract", empty)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	first, _, _ := strings.Cut(errOut, "\n")
	if want := "obsfacts extract: " + empty + ": empty page: no text to extract"; first != want {
		t.Errorf("message %q, want %q", first, want)
	}
}

// TestEvalGold checks that a gold file about none of the inputs is an error,
// and that a run ends with the summary block.
func TestEvalGold(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	if err := os.WriteFile(gold, []byte(`{"file":"other.txt","subject":"OSCE","subject_code":"OSCE","count":4}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := fixturePage("dump_ic24_majilis2023.txt")
	code, out, errOut := runCLI(t, "eval", "--gold", gold, page)
	if code != 2 || out != "" {
		t.Errorf("gold about no input: exit %d, stdout %q; want 2 and nothing", code, out)
	}
	if want := "obsfacts eval: --gold " + gold + ": its facts are about 1 files (e.g. other.txt), none of them among the inputs"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}

	if err := os.WriteFile(gold, []byte(`{"file":"dump_ic24_majilis2023.txt","subject":"OSCE","subject_code":"OSCE","count":4}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, "eval", "--gold", gold, page)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	_, summary, ok := strings.Cut(out, "\nsummary (1 files, 0 of them without gold facts):\n  overall ")
	if !ok || !strings.Contains(summary, "\n  language en ") || !strings.Contains(summary, "\n  rule ") {
		t.Errorf("no summary block with overall, language and rule lines at the end:\n%s", out)
	}
}
