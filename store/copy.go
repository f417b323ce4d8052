package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// EachRow calls fn for every row of table (one of CopyTables), in the
// order of its rows (the queue's order for frontier), with the column
// names. The values are as the driver reads them: int64, string, []byte
// or nil.
func (s *Store) EachRow(ctx context.Context, table string, fn func(cols []string, vals []any) error) error {
	if !IsCopyTable(table) {
		return fmt.Errorf("store: each row: %q is not a table to copy", table)
	}
	order := "rowid"
	if table == "seen_links" { // WITHOUT ROWID
		order = "key"
	}
	rows, err := s.rdb.QueryContext(ctx, `SELECT * FROM `+table+` ORDER BY `+order)
	if err != nil {
		return fmt.Errorf("store: each row of %s: %w", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return fmt.Errorf("store: each row of %s: %w", table, err)
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("store: each row of %s: %w", table, err)
		}
		if err := fn(cols, vals); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: each row of %s: %w", table, err)
	}
	return nil
}

// BeginCopy starts loading a copy into the store, which must hold no data
// (ErrNotEmpty).
func (s *Store) BeginCopy(ctx context.Context) (Loader, error) {
	for _, table := range CopyTables {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			return nil, fmt.Errorf("store: copy into %s: %w", s.path, err)
		}
		if n > 0 {
			return nil, fmt.Errorf("store: copy into %s: %w (%d rows in %s)", s.path, ErrNotEmpty, n, table)
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: copy into %s: %w", s.path, err)
	}
	return &sqliteLoader{tx: tx, path: s.path}, nil
}

type sqliteLoader struct {
	tx   *sql.Tx
	path string
}

func (l *sqliteLoader) Rows(ctx context.Context, table string, cols []string, rows [][]any) error {
	if !IsCopyTable(table) {
		return fmt.Errorf("store: copy into %s: %q is not a table to copy", l.path, table)
	}
	stmt, err := l.tx.PrepareContext(ctx, `INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) VALUES (`+
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")+`)`)
	if err != nil {
		return fmt.Errorf("store: copy into %s: %s: %w", l.path, table, err)
	}
	defer stmt.Close()
	for _, row := range rows {
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return fmt.Errorf("store: copy into %s: %s: %w", l.path, table, err)
		}
	}
	return nil
}

func (l *sqliteLoader) Commit(context.Context) error {
	if err := l.tx.Commit(); err != nil {
		return fmt.Errorf("store: copy into %s: commit: %w", l.path, err)
	}
	return nil
}

func (l *sqliteLoader) Rollback(context.Context) error {
	if err := l.tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("store: copy into %s: roll back: %w", l.path, err)
	}
	return nil
}
