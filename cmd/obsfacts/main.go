// Command obsfacts builds a dataset of election observer counts from news
// pages: it crawls, archives, extracts facts, stores them in SQLite and
// exports CSV, TSV or JSON Lines.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// app is what every command shares: where data and messages go. Commands
// write data to stdout (or -o FILE) and everything else to stderr.
type app struct {
	stdout, stderr io.Writer

	mu         sync.Mutex
	beforeExit []func(context.Context) // run on a second interrupt, before exiting at once
}

// onForcedExit registers fn to run when a second interrupt ends the program
// at once, e.g. to record the run as interrupted. fn gets a few seconds.
func (a *app) onForcedExit(fn func(context.Context)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.beforeExit = append(a.beforeExit, fn)
}

func (a *app) forcedExit() {
	a.mu.Lock()
	hooks := slices.Clone(a.beforeExit)
	a.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	for _, fn := range hooks {
		fn(ctx)
	}
}

// message writes a line to stderr; on a terminal it first clears the line,
// where a progress bar (or an echoed ^C) may stand.
func (a *app) message(format string, args ...any) {
	if isTerminal(a.stderr) {
		fmt.Fprint(a.stderr, "\r\033[K")
	}
	fmt.Fprintf(a.stderr, format+"\n", args...)
}

// isTerminal reports whether w is a terminal, where a live progress line
// is drawn.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// commandFactories are filled by each subcommand's file in an init function,
// so adding a command touches only its own file.
var commandFactories []func(*app) *cobra.Command

// register adds a subcommand: newCmd builds it for one run of the program.
func register(newCmd func(*app) *cobra.Command) {
	commandFactories = append(commandFactories, newCmd)
}

// usageError is a bad flag or argument (exit status 2). Its message is
// printed once, followed by a pointer to the command's help.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef returns a usageError; the message should say what to do instead.
func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// errPartial marks a run where some inputs failed but the others were
// processed: exit 1 without repeating the per-input messages.
var errPartial = errors.New("some inputs failed")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status of the README's
// table: 0 success, 1 an error or failed inputs, 2 a bad flag or argument,
// 130 interrupted.
func run(args []string, stdout, stderr io.Writer) int {
	slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))
	a := &app{stdout: stdout, stderr: stderr}
	root := newRootCmd(a)
	root.SetArgs(args)
	ctx, stop := signalContext(a)
	defer stop()
	cmd, err := root.ExecuteContextC(ctx)
	if cmd == nil {
		cmd = root
	}
	return exitStatus(cmd, err, stderr)
}

// exitStatus prints err the one way it should be seen and maps it to an exit
// status.
func exitStatus(cmd *cobra.Command, err error, stderr io.Writer) int {
	var usage *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "%s: %s\n", cmd.CommandPath(), usage.msg)
		fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
		return 2
	case errors.Is(err, errPartial):
		return 1
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "%s: interrupted\n", cmd.CommandPath())
		return 130
	default:
		fmt.Fprintf(stderr, "%s: %v\n", cmd.CommandPath(), err)
		return 1
	}
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "obsfacts",
		Short: "Build a dataset of election observer counts from news pages",
		Long: `obsfacts builds a dataset of who observed which election, with how many
observers, from the news: it crawls news sites, archives every page, extracts
observer facts with their evidence, stores them in SQLite and exports CSV,
TSV or JSON Lines.`,
		Example: `  obsfacts extract --db demo.db testdata/pages/*.html > facts.csv
  obsfacts export --db demo.db -o facts.jsonl
  obsfacts help crawl`,
		Version: versionString(),
		// Commands print their own errors once, with the fix (exitStatus).
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          unknownCommand,
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SetOut(a.stderr)
			_ = cmd.Usage()
			return usagef("name a command")
		},
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.SuggestionsMinimumDistance = 2
	for _, newCmd := range commandFactories {
		root.AddCommand(newCmd(a))
	}
	root.AddCommand(&cobra.Command{
		Use:   "version",
		Short: "Print the version of obsfacts and its extractor",
		Args:  noArgs,
		Run:   func(cmd *cobra.Command, _ []string) { fmt.Fprintln(a.stdout, versionString()) },
	})
	return root
}

// unknownCommand rejects a first argument that names no command, with
// cobra's "did you mean" suggestions.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q", args[0])
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %q?)", s[0])
	}
	return usagef("%s", msg)
}

// noArgs is cobra.NoArgs worded for this tool, and a usage error.
func noArgs(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	return nil
}

// signalContext cancels on the first SIGINT/SIGTERM so work can stop
// gracefully; a second signal runs the forced-exit hooks and exits at once.
// Whatever was committed to the store stays: every save is one transaction.
// On a terminal the progress line (and the echoed ^C) is cleared first, so
// the message starts a line of its own.
func signalContext(a *app) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-sig:
			a.message("interrupted: finishing the work in flight; press Ctrl-C again to stop at once")
			cancel()
		case <-ctx.Done():
			return
		}
		<-sig
		a.message("interrupted again: stopping at once; nothing saved is lost")
		a.forcedExit()
		os.Exit(130)
	}()
	return ctx, func() { signal.Stop(sig); cancel() }
}
