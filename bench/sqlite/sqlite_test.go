// Package sqlite compares madoguchi's reads with the peer an engineer would reach for: SQLite
// (modernc.org/sqlite, pure Go) holding the same visits in an indexed table. It is a nested
// module, so the app never links SQLite and the main module's go.mod stays as it is; `make bench`
// runs it after the other benchmarks:
//
//	cd bench/sqlite && go test -run '^$' -bench .
//
// Metrics as in package bench: op-ns is madoguchi, base-ns SQLite, ratio madoguchi ÷ SQLite.
package sqlite

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/nagawaka/madoguchi/bench"
	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// schema is the table a careful engineer would make: one row per visit, the day as an integer
// YYYYMMDD with an index on it, instants as Unix nanoseconds.
const schema = `
CREATE TABLE visits (
	id        INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL,
	day       INTEGER NOT NULL,
	in_ns     INTEGER NOT NULL,
	out_ns    INTEGER,
	purpose   TEXT    NOT NULL,
	closing   INTEGER NOT NULL
);
CREATE INDEX visits_day ON visits(day);`

func dayInt(d model.Date) int { return d.Year*10000 + int(d.Month)*100 + d.Day }

// load copies every visit of the store into a new SQLite file, day by day, in one transaction.
func load(b *testing.B, s *store.Store, path string) (*sql.DB, int) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	b.Cleanup(func() { db.Close() })
	if _, err := db.Exec(schema); err != nil {
		b.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	ins, err := tx.Prepare(`INSERT INTO visits (id, person_id, day, in_ns, out_ns, purpose, closing) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	last := model.DateOf(bench.Now)
	for d := model.DateOf(bench.Now.AddDate(-10, 0, 0)); !d.After(last); d = d.AddDays(1) {
		vs, err := s.VisitsOn(d)
		if err != nil {
			b.Fatal(err)
		}
		for _, v := range vs {
			var out any
			if !v.Out.IsZero() {
				out = v.Out.UnixNano()
			}
			if _, err := ins.Exec(v.ID, v.PersonID, dayInt(d), v.In.UnixNano(), out, string(v.Purpose), v.ClosedAtClosing); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec(`ANALYZE`); err != nil {
		b.Fatal(err)
	}
	return db, n
}

// BenchmarkSQLite times madoguchi and SQLite on the same ten-year history: a day's visits
// (decoded into model.Visit on both sides) and a 年度's visit counts (visits and distinct people).
func BenchmarkSQLite(b *testing.B) {
	dir, cleanup, err := bench.Dir()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(cleanup)
	ten, err := bench.DB(dir, 10, 0)
	if err != nil {
		b.Fatal(err)
	}
	s, err := store.Open(ten, store.Options{Clock: bench.Clock, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	path := filepath.Join(dir, fmt.Sprintf("peer-%d.sqlite", os.Getpid()))
	b.Cleanup(func() { os.Remove(path); os.Remove(path + "-journal") })
	began := time.Now()
	db, n := load(b, s, path)
	b.Logf("loaded %d visits into SQLite in %s", n, time.Since(began).Round(time.Millisecond))

	dayQ, err := db.Prepare(`SELECT id, person_id, in_ns, out_ns, purpose, closing FROM visits WHERE day = ? ORDER BY in_ns`)
	if err != nil {
		b.Fatal(err)
	}
	sqlDay := func(d model.Date) ([]model.Visit, error) {
		rows, err := dayQ.Query(dayInt(d))
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []model.Visit
		for rows.Next() {
			var v model.Visit
			var in int64
			var outNs sql.NullInt64
			var purpose string
			if err := rows.Scan(&v.ID, &v.PersonID, &in, &outNs, &purpose, &v.ClosedAtClosing); err != nil {
				return nil, err
			}
			v.In, v.Purpose = time.Unix(0, in).UTC(), model.Purpose(purpose)
			if outNs.Valid {
				v.Out = time.Unix(0, outNs.Int64).UTC()
			}
			out = append(out, v)
		}
		return out, rows.Err()
	}
	// the two must agree before they are timed
	mine, err := s.VisitsOn(bench.Day)
	if err != nil {
		b.Fatal(err)
	}
	theirs, err := sqlDay(bench.Day)
	if err != nil {
		b.Fatal(err)
	}
	if len(mine) == 0 || len(mine) != len(theirs) || mine[0].ID != theirs[0].ID || !mine[0].In.Equal(theirs[0].In) {
		b.Fatalf("madoguchi has %d visits on %s, SQLite %d", len(mine), bench.Day, len(theirs))
	}
	b.Run("visits_day", func(b *testing.B) {
		bench.Pair(b,
			func() error { _, err := s.VisitsOn(bench.Day); return err },
			func() error { _, err := sqlDay(bench.Day); return err })
	})

	fy := model.FiscalYear(bench.Day)
	from, to := model.FiscalYearRange(fy)
	countQ, err := db.Prepare(`SELECT COUNT(*), COUNT(DISTINCT person_id) FROM visits WHERE day BETWEEN ? AND ?`)
	if err != nil {
		b.Fatal(err)
	}
	sqlFY := func() (int, int, error) {
		var visits, people int
		err := countQ.QueryRow(dayInt(from), dayInt(to)).Scan(&visits, &people)
		return visits, people, err
	}
	// madoguchi through its public API: the 年度's days, each a range scan of the day index
	mineFY := func() (int, int, error) {
		seen := map[uint64]bool{}
		visits := 0
		for d := from; !d.After(to); d = d.AddDays(1) {
			vs, err := s.VisitsOn(d)
			if err != nil {
				return 0, 0, err
			}
			visits += len(vs)
			for _, v := range vs {
				seen[v.PersonID] = true
			}
		}
		return visits, len(seen), nil
	}
	v1, p1, err1 := mineFY()
	v2, p2, err2 := sqlFY()
	if err1 != nil || err2 != nil || v1 != v2 || p1 != p2 || v1 == 0 {
		b.Fatalf("FY %d: madoguchi %d visits by %d people (%v), SQLite %d by %d (%v)", fy, v1, p1, err1, v2, p2, err2)
	}
	b.Run("fy_counts", func(b *testing.B) {
		bench.Pair(b,
			func() error { _, _, err := mineFY(); return err },
			func() error { _, _, err := sqlFY(); return err })
	})
}
