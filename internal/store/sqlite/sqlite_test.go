package sqlite

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/sitrep-org/sitrep/internal/article"
	"path/filepath"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/store/storetest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "test.db"), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) incident.Store { return openTemp(t) })
}

// TestStoreDensePlans runs the suite with every bbox and text filter taken
// as unselective, so the row-by-row plans give the same answers.
func TestStoreDensePlans(t *testing.T) {
	storetest.Run(t, func(t *testing.T) incident.Store {
		db := openTemp(t)
		db.smallSet = 0
		return db
	})
}

// TestSaveAtomicMidTransaction fails the save after the article row, after
// the first incident, and when the article is added to the full-text index
// at the end: none may survive.
func TestSaveAtomicMidTransaction(t *testing.T) {
	for _, stage := range []string{"article", "incident", "index"} {
		t.Run(stage, func(t *testing.T) {
			db := openTemp(t)
			defer db.Close()
			boom := errors.New("injected failure")
			db.hook = func(s string) error {
				if s == stage {
					return boom
				}
				return nil
			}
			a := &article.Article{Source: "x.txt", Text: "Militants shelled a village overnight, residents said.\nTwo homes were destroyed."}
			in := incident.Incident{EventID: "ATOM1", EventDate: "2024-01-02", Actor1: "Militia", Notes: "shelling",
				Evidence: []incident.Evidence{{Field: "event_type", Start: 10, End: 17, Quote: "shelled", Rule: "t"}}}
			_, err := db.SaveArticle(t.Context(), a, []incident.Incident{in, {EventID: "ATOM2"}})
			if !errors.Is(err, boom) {
				t.Fatalf("SaveArticle err = %v, want the injected failure", err)
			}
			checkFTS(t, db, "shelled", 0)
			for _, table := range []string{"articles", "article_bands", "incidents", "incident_actors", "evidence", "incident_sources", "incidents_fts"} {
				var n int
				if err := db.r.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != 0 {
					t.Errorf("%s has %d rows after a failed save", table, n)
				}
			}
			db.hook = nil
			if res, err := db.SaveArticle(t.Context(), a, []incident.Incident{in}); err != nil || !res.Created || res.Incidents != 1 {
				t.Errorf("retry = %+v, %v; want created with 1 incident", res, err)
			}
		})
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "re.db")
	db, err := Open(t.Context(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Text: "Police dispersed a protest outside the governor's office with tear gas."}
	if _, err := db.SaveArticle(t.Context(), a, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(t.Context(), path, nil) // migrations already applied: a no-op
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Article(t.Context(), a.ID); err != nil {
		t.Errorf("article lost on reopen: %v", err)
	}
}

func TestOpenBadPath(t *testing.T) {
	if _, err := Open(t.Context(), filepath.Join(t.TempDir(), "missing", "dir", "x.db"), nil); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
	if _, err := Open(t.Context(), "", nil); !errors.Is(err, incident.ErrInvalid) {
		t.Errorf("Open(\"\") err = %v, want ErrInvalid", err)
	}
}

func TestFTSQuery(t *testing.T) {
	tests := map[string]string{
		"":                  "",
		"kidal":             `"kidal"`,
		"al-Shabaab attack": `"al-Shabaab" "attack"`,
		`say "hi`:           `"say" "hi"`,
		"OR a OR OR b OR":   `"a" OR "b"`,
		"prote*":            `"prote"*`,
		"***":               "",
	}
	for in, want := range tests {
		if got := ftsQuery(in); got != want {
			t.Errorf("ftsQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"kidal", `"a" OR b*`, "NOT", "a AND NOT b", "(x)", "x:y", "^z", "\x00"} {
		f.Add(s)
	}
	db, err := Open(f.Context(), filepath.Join(f.TempDir(), "fuzz.db"), nil)
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	if _, err := db.SaveArticle(f.Context(), &article.Article{Title: "t", Text: "Gunmen attacked a convoy near Kidal."}, nil); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.Articles(t.Context(), incident.ArticleQuery{Text: q}); err != nil {
			t.Errorf("Articles(%q): %v", q, err)
		}
	})
}

// TestRollupsMatchIncidents stores generated incidents, revises some and
// checks every rollup-served series against one computed from incidents.
func TestRollupsMatchIncidents(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	countries := [][2]string{{"Iraq", "IQ"}, {"Syria", "SY"}, {"Mali", "ML"}}
	admins := []string{"North", "South", "East"}
	actors := []string{"Army", "Rebels", "Militia", ""}
	types := []string{incident.Battles, incident.ExplosionsRemote, incident.Protests}
	mk := func(i, shift int) incident.Incident {
		c := countries[(i+shift)%3]
		in := incident.Incident{EventID: fmt.Sprintf("R%03d", i), EventDate: time.Date(2024, 1, 1+(i*7+shift)%90, 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
			Country: c[0], CountryCode: c[1], Admin1: admins[(i/5+shift)%3], EventType: types[(i/3+shift)%3],
			Actor1: actors[(i+shift)%4], Actor2: actors[(i/2)%4], Fatalities: incident.Int((i + shift) % 5)}
		if i%17 == 0 {
			in.EventDate = ""
		}
		return in
	}
	for b := range 20 {
		var ins []incident.Incident
		for i := b * 10; i < b*10+10; i++ {
			ins = append(ins, mk(i, 0))
		}
		a := &article.Article{Text: fmt.Sprintf("batch %d %s", b, strings.Repeat(fmt.Sprintf("w%d ", b), 3))}
		if _, err := db.SaveArticle(t.Context(), a, ins); err != nil {
			t.Fatal(err)
		}
	}
	var revised []incident.Incident // a later report moves some incidents
	for i := 0; i < 200; i += 7 {
		revised = append(revised, mk(i, 1))
	}
	if _, err := db.SaveArticle(t.Context(), &article.Article{Text: "revisions"}, revised); err != nil {
		t.Fatal(err)
	}
	filters := []incident.Filter{{}, {Country: "iq"}, {Country: "Syria"}, {EventType: incident.Battles},
		{Admin1: "north"}, {Country: "ML", Admin1: "South"}, {From: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
		{Actor: "militia"}, {Actor: "Army", From: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)}}
	compared := 0
	defer func() {
		if compared < 30 {
			t.Errorf("only %d rollup series compared", compared)
		}
	}()
	for _, f := range filters {
		for _, interval := range []string{"day", "week", "month"} {
			for _, by := range []string{"", "country", "event_type", "admin1", "actor"} {
				bcol := bucketCols[interval]
				sqlText, args, ok := rollupQuery(f, by)
				if !ok {
					sqlText, args, ok = actorSeriesQuery(f, by)
				}
				if !ok {
					continue
				}
				got, err := db.series(t.Context(), sqlText, args, by, interval, f)
				if err != nil {
					t.Fatal(err)
				}
				want, err := db.seriesRaw(t.Context(), f, interval, bcol, by)
				if err != nil {
					t.Fatal(err)
				}
				compared++
				if len(want) == 0 {
					t.Errorf("%+v %s by %q: empty series, the test proves nothing", f, interval, by)
				}
				if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("%+v %s by %q: rollup differs from incidents (-incidents +rollup):\n%s", f, interval, by, diff)
				}
			}
		}
	}
}

// FuzzIncidentsCursor feeds arbitrary cursors, as an API client could: the
// store answers a page or ErrInvalid, nothing else.
func FuzzIncidentsCursor(f *testing.F) {
	db, err := Open(f.Context(), filepath.Join(f.TempDir(), "cur.db"), nil)
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	var ins []incident.Incident
	for i := range 5 {
		ins = append(ins, incident.Incident{EventID: fmt.Sprintf("C%d", i), EventDate: fmt.Sprintf("2024-01-0%d", i+1), Fatalities: incident.Int(i)})
	}
	if _, err := db.SaveArticle(f.Context(), &article.Article{Text: "cursor fixture text"}, ins); err != nil {
		f.Fatal(err)
	}
	p, err := db.Incidents(f.Context(), incident.Filter{Limit: 2})
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range []string{p.Next, "", "ZXZlbnRfZGF0ZXx8", "ZmF0YWxpdGllc3x4fDE", "%%%", "ZXZlbnRfZGF0ZXwyMDI0fDk5OTk5OTk5OTk5OTk5OTk5OTk5"} {
		f.Add(c, "")
		f.Add(c, "-fatalities")
	}
	f.Fuzz(func(t *testing.T, cursor, sort string) {
		if _, ok := sorts[sort]; !ok {
			sort = ""
		}
		_, err := db.Incidents(t.Context(), incident.Filter{Cursor: cursor, Sort: sort, Limit: 2})
		if err != nil && !errors.Is(err, incident.ErrInvalid) {
			t.Errorf("cursor %q sort %q: %v", cursor, sort, err)
		}
	})
}

// checkFTS checks the article full-text index agrees with the articles
// table and holds want articles matching term. An external-content table
// counts its content table's rows, so only a MATCH reads the index itself.
func checkFTS(t *testing.T, db *DB, term string, want int) {
	t.Helper()
	if _, err := db.w.Exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("articles_fts integrity-check: %v", err)
	}
	var n int
	if err := db.r.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, term).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != want {
		t.Errorf("articles_fts has %d matches for %q, want %d", n, term, want)
	}
}
