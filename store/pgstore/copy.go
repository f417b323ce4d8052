package pgstore

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/obsfacts/obsfacts/store"
)

// EachRow calls fn for every row of table (one of store.CopyTables), in
// the order of its rows (the queue's order for frontier), with the column
// names; frontier.seq, this store's own, is left out.
func (s *Store) EachRow(ctx context.Context, table string, fn func(cols []string, vals []any) error) error {
	if !store.IsCopyTable(table) {
		return fmt.Errorf("store: each row: %q is not a table to copy", table)
	}
	order := "id"
	switch table {
	case "frontier":
		order = "seq"
	case "seen_links":
		order = "key"
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return fmt.Errorf("store: each row of %s: %w", table, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	rows, err := tx.Query(ctx, `SELECT * FROM `+table+` ORDER BY `+order)
	if err != nil {
		return fmt.Errorf("store: each row of %s: %w", table, err)
	}
	defer rows.Close()
	var cols []string
	skip := -1
	for i, f := range rows.FieldDescriptions() {
		if table == "frontier" && f.Name == "seq" {
			skip = i
			continue
		}
		cols = append(cols, f.Name)
	}
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return fmt.Errorf("store: each row of %s: %w", table, err)
		}
		if skip >= 0 {
			vals = slices.Delete(vals, skip, skip+1)
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
// (store.ErrNotEmpty).
func (s *Store) BeginCopy(ctx context.Context) (store.Loader, error) {
	for _, table := range store.CopyTables {
		var n int
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			return nil, fmt.Errorf("store: copy into %s: %w", s.name, err)
		}
		if n > 0 {
			return nil, fmt.Errorf("store: copy into %s: %w (%d rows in %s)", s.name, store.ErrNotEmpty, n, table)
		}
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: copy into %s: %w", s.name, err)
	}
	return &loader{tx: tx, name: s.name, types: map[string]map[string]string{}}, nil
}

// loader loads a copy with COPY, in one transaction.
type loader struct {
	tx    pgx.Tx
	name  string
	types map[string]map[string]string // table -> column -> data type
}

func (l *loader) Rows(ctx context.Context, table string, cols []string, rows [][]any) error {
	if !store.IsCopyTable(table) {
		return fmt.Errorf("store: copy into %s: %q is not a table to copy", l.name, table)
	}
	types, err := l.columnTypes(ctx, table)
	if err != nil {
		return fmt.Errorf("store: copy into %s: %s: %w", l.name, table, err)
	}
	for _, row := range rows {
		for i, v := range row {
			row[i] = convert(v, types[cols[i]])
		}
	}
	if _, err := l.tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("store: copy into %s: %s: %w", l.name, table, err)
	}
	return nil
}

// columnTypes reads the data types of a table's columns.
func (l *loader) columnTypes(ctx context.Context, table string) (map[string]string, error) {
	if t, ok := l.types[table]; ok {
		return t, nil
	}
	rows, err := l.tx.Query(ctx, `SELECT column_name, data_type FROM information_schema.columns
WHERE table_schema = current_schema() AND table_name = $1`, table)
	if err != nil {
		return nil, err
	}
	t := map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			rows.Close()
			return nil, err
		}
		t[name] = typ
	}
	rows.Close()
	l.types[table] = t
	return t, rows.Err()
}

// convert makes a value read from either store fit a column of type typ:
// SQLite's dynamic types give text as string or []byte, and PostgreSQL
// text holds neither NUL nor invalid UTF-8 (see text).
func convert(v any, typ string) any {
	switch typ {
	case "text":
		switch t := v.(type) {
		case string:
			return text(t)
		case []byte:
			return text(string(t))
		}
	case "bytea":
		if t, ok := v.(string); ok {
			return []byte(t)
		}
	}
	return v
}

func (l *loader) Commit(ctx context.Context) error {
	// Ids were copied: the identities go on after the largest.
	for _, table := range []string{"runs", "pages", "articles", "facts", "workers"} {
		if _, err := l.tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), max(id)) FROM `+table+` HAVING max(id) IS NOT NULL`,
			table); err != nil {
			return fmt.Errorf("store: copy into %s: ids of %s: %w", l.name, table, err)
		}
	}
	if err := l.tx.Commit(ctx); err != nil {
		return fmt.Errorf("store: copy into %s: commit: %w", l.name, err)
	}
	return nil
}

func (l *loader) Rollback(ctx context.Context) error {
	if err := l.tx.Rollback(context.WithoutCancel(ctx)); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
		return fmt.Errorf("store: copy into %s: roll back: %w", l.name, err)
	}
	return nil
}
