// Command obsfacts builds a dataset of election observer counts from news
// pages: it crawls, archives, extracts facts, stores them in SQLite and
// exports CSV or JSON Lines.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand. run gets the arguments after the subcommand
// name; it writes data to stdout and messages to stderr.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands is filled by each subcommand's file in an init function, so adding
// a command touches only its own file.
var commands = map[string]command{}

func register(name, summary string, run func(ctx context.Context, args []string, stdout, stderr io.Writer) error) {
	commands[name] = command{summary: summary, run: run}
}

// errUsage marks errors already explained to the user (bad flags): exit 2.
var errUsage = errors.New("usage")

// errPartial marks a run where some inputs failed but the others were
// processed: exit 1 without repeating the per-input messages.
var errPartial = errors.New("some inputs failed")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(stdout, versionString())
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "obsfacts: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	ctx, stop := signalContext()
	defer stop()
	err := cmd.run(ctx, args[1:], stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errPartial):
		return 1
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "obsfacts %s: interrupted\n", args[0])
		return 130
	default:
		fmt.Fprintf(stderr, "obsfacts %s: %v\n", args[0], err)
		return 1
	}
}

// signalContext cancels on the first SIGINT/SIGTERM so work can stop
// gracefully; a second signal exits at once. Whatever was committed to the
// store stays: every save is one transaction.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-sig:
			slog.Warn("interrupt: finishing in-flight work; press Ctrl-C again to exit at once")
			cancel()
		case <-ctx.Done():
			return
		}
		<-sig
		os.Exit(130)
	}()
	return ctx, func() { signal.Stop(sig); cancel() }
}

func usage(w io.Writer) {
	fmt.Fprint(w, `obsfacts builds a dataset of election observer counts from news pages.

Usage:
  obsfacts <command> [flags] [arguments]

Commands:
`)
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprint(w, `
Run 'obsfacts <command> --help' for the flags of a command.
`)
}

// parseFlags parses a command's flags. When ok is false the command returns
// err at once: nil after --help, errUsage after a bad flag (the flag package
// has already said what was wrong).
func parseFlags(fs *flag.FlagSet, args []string) (ok bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return false, nil
		}
		return false, errUsage
	}
	return true, nil
}
