package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/obsfacts/obsfacts/store"
)

func init() {
	register(newCopyCmd)
}

// rowSource reads every row of a store's tables (copy --from).
type rowSource interface {
	EachRow(ctx context.Context, table string, fn func(cols []string, vals []any) error) error
}

// rowTarget loads rows into an empty store (copy --to).
type rowTarget interface {
	BeginCopy(ctx context.Context) (store.Loader, error)
}

func newCopyCmd(a *app) *cobra.Command {
	var from, to string
	cmd := &cobra.Command{
		Use:   "copy --from DB --to DB",
		Short: "Copy a whole store, archive included, between SQLite and PostgreSQL",
		Long: `Copies everything a store holds (pages with their archived bodies, articles,
facts, runs, the crawl queue and its history) into a new, empty store: from an
SQLite file to PostgreSQL to move a study from a laptop to a server, or back.
Ids are kept, so the copy exports byte for byte what the original does.

The source is only read. The copy is one transaction: if it fails or is
interrupted, the target is left empty. A target that holds data is refused.`,
		Example: `  obsfacts copy --from obsfacts.db --to postgres://obsfacts@db.example.org/elections
  obsfacts copy --from postgres://obsfacts@db.example.org/elections --to laptop.db`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if from == "" || to == "" {
				return usagef("--from and --to are both required: copy --from DB --to DB")
			}
			if from == to {
				return usagef("--from and --to name the same store")
			}
			return runCopy(cmd.Context(), a, from, to)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the store to copy: an SQLite `DB` file or a postgres:// URL")
	cmd.Flags().StringVar(&to, "to", "", "the new store: an SQLite `DB` file (made if missing) or a postgres:// URL")
	return cmd
}

func runCopy(ctx context.Context, a *app, from, to string) error {
	src, err := openReadOnly(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openOrCreate(to, 0)
	if err != nil {
		return err
	}
	defer dst.Close()
	start := time.Now()
	total, err := copyStore(ctx, src, dst, func(table string, n int) {
		a.message("copied %s: %d rows", table, n)
	})
	switch {
	case errors.Is(err, store.ErrNotEmpty):
		return fmt.Errorf("%w: copy into a new database (or an empty schema: ?search_path=NAME)", err)
	case err != nil:
		return fmt.Errorf("copy %s to %s: %w (%s was left as it was)", displayDB(from), displayDB(to), err, displayDB(to))
	}
	fmt.Fprintf(a.stderr, "obsfacts copy: %d rows from %s to %s in %s\n", total, displayDB(from), displayDB(to),
		time.Since(start).Round(time.Millisecond))
	return nil
}

// copyBatch bounds the rows, and the bytes, held in memory at once.
const (
	copyBatch      = 500
	copyBatchBytes = 32 << 20
)

// copyStore copies every table of store.CopyTables from src to dst in one
// transaction of dst, calling done after each table. It returns how many
// rows it copied.
func copyStore(ctx context.Context, src rowSource, dst rowTarget, done func(table string, rows int)) (int, error) {
	load, err := dst.BeginCopy(ctx)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, table := range store.CopyTables {
		n, err := copyTable(ctx, src, load, table)
		if err != nil {
			return 0, errors.Join(err, load.Rollback(ctx))
		}
		total += n
		done(table, n)
	}
	if err := load.Commit(ctx); err != nil {
		return 0, errors.Join(err, load.Rollback(ctx))
	}
	return total, nil
}

// copyTable streams one table in batches.
func copyTable(ctx context.Context, src rowSource, load store.Loader, table string) (int, error) {
	var (
		cols  []string
		batch [][]any
		size  int
		n     int
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := load.Rows(ctx, table, cols, batch)
		n += len(batch)
		batch, size = batch[:0], 0
		return err
	}
	err := src.EachRow(ctx, table, func(c []string, vals []any) error {
		cols = c
		batch = append(batch, vals)
		for _, v := range vals {
			switch t := v.(type) {
			case []byte:
				size += len(t)
			case string:
				size += len(t)
			}
		}
		if len(batch) >= copyBatch || size >= copyBatchBytes {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return n, err
}
