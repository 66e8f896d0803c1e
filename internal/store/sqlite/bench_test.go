package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// The 1M-incident fixture is built once per test binary, because both
// benchmarks use it and building it takes a while.
var bench1M struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench1M.dir != "" {
		_ = os.RemoveAll(bench1M.dir)
	}
	os.Exit(code)
}

// genCountry is one country of the generated data with its provinces,
// actors and a centre point.
type genCountry struct {
	name, code string
	lat, lon   float64
	admin1     []string
	actors     []string
}

func genCountries() []genCountry {
	mk := func(name, code string, lat, lon float64, admin1 ...string) genCountry {
		c := genCountry{name: name, code: code, lat: lat, lon: lon, admin1: admin1}
		c.actors = []string{
			"Military Forces of " + name, "Police Forces of " + name, "Unidentified Armed Group (" + name + ")",
			"Civilians (" + name + ")", "Protesters (" + name + ")", "Rioters (" + name + ")",
			"Islamic State (" + name + ")", "Communal Militia (" + name + ")", "Rebel Front (" + name + ")",
		}
		return c
	}
	return []genCountry{
		mk("Iraq", "IQ", 33.3, 44.4, "Baghdad", "Nineveh", "Kirkuk", "Anbar", "Salah al-Din", "Diyala", "Basra", "Erbil"),
		mk("Syria", "SY", 35.0, 38.5, "Aleppo", "Idlib", "Deir ez-Zor", "Raqqa", "Homs", "Daraa", "Hama"),
		mk("Nigeria", "NG", 9.1, 8.7, "Borno", "Zamfara", "Kaduna", "Katsina", "Benue", "Plateau", "Lagos"),
		mk("Mali", "ML", 16.3, -1.5, "Mopti", "Gao", "Timbuktu", "Kidal", "Segou", "Menaka"),
		mk("Somalia", "SO", 4.5, 45.3, "Banadir", "Lower Shabelle", "Middle Shabelle", "Bay", "Hiraan", "Gedo"),
		mk("Afghanistan", "AF", 34.5, 67.7, "Kabul", "Kandahar", "Helmand", "Nangarhar", "Kunduz", "Balkh"),
		mk("Yemen", "YE", 15.4, 47.5, "Taizz", "Marib", "Hodeidah", "Aden", "Sanaa", "Lahij"),
		mk("Burkina Faso", "BF", 12.3, -1.6, "Sahel", "Est", "Nord", "Centre-Nord", "Boucle du Mouhoun"),
		mk("Democratic Republic of Congo", "CD", -1.5, 29.0, "North Kivu", "Ituri", "South Kivu", "Tanganyika"),
		mk("Sudan", "SD", 15.5, 30.0, "Khartoum", "North Darfur", "South Darfur", "West Darfur", "Kordofan"),
	}
}

var noteWords = strings.Fields("attack clash ambush shelling airstrike drone raid checkpoint convoy market village " +
	"mosque school hospital patrol base road bridge camp farm border town district protest arrest kidnapping " +
	"mortar rocket grenade roadside explosive gunmen militants soldiers police fighters villagers shepherds")

// fill1M writes n generated incidents straight into the tables, in one
// transaction with prepared statements: the same rows SaveArticle would
// write, without an article per incident.
func fill1M(ctx context.Context, db *DB, n int) error {
	g := newGenerator()
	if _, err := db.w.ExecContext(ctx, "PRAGMA cache_size(-1048576)"); err != nil {
		return err
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var st [4]*sql.Stmt
	for k, q := range []string{
		`INSERT INTO incidents (` + incidentCols + `) VALUES (` + placeholders(43) + `) RETURNING id`,
		`INSERT OR IGNORE INTO incident_actors (actor_key, event_date, incident_id, fatal_n) VALUES (?,?,?,?)`,
		`INSERT INTO evidence (incident_id, n, field, span_start, span_end, quote, rule, article_id) VALUES (?,?,?,?,?,?,?,?)`,
		`INSERT INTO incident_sources (incident_id, article_id, doc, outlet, published) VALUES (?,?,?,?,?)`,
	} {
		if st[k], err = tx.PrepareContext(ctx, q); err != nil {
			return err
		}
	}
	for i := range n {
		in := g.incident(i, n)
		var id int64
		if err := st[0].QueryRowContext(ctx, incidentArgs(&in)...).Scan(&id); err != nil {
			return err
		}
		for _, k := range actorKeys(&in) {
			if _, err := st[1].ExecContext(ctx, k, in.EventDate, id, fatalN(&in)); err != nil {
				return err
			}
		}
		for j, f := range []string{"event_type", "location"} {
			if _, err := st[2].ExecContext(ctx, id, j, f, j*10, j*10+8, "quoted", "gen", in.ArticleID); err != nil {
				return err
			}
		}
		if _, err := st[3].ExecContext(ctx, id, in.ArticleID, in.Doc, in.Source, in.EventDate); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return db.Optimize(ctx)
}

// generator makes plausible incidents: skewed across countries, actors,
// provinces and event types, as real archives are.
type generator struct {
	rng       *rand.Rand
	subs      []incident.SubEventType
	countries []genCountry
	start     time.Time
}

func newGenerator() *generator {
	return &generator{rng: rand.New(rand.NewPCG(1, 2)), subs: incident.SubEventTypes(), countries: genCountries(),
		start: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// incident returns the i-th of n incidents. Dates ascend with i, as a real
// archive grows, which keeps index inserts local and the fixture quick.
func (g *generator) incident(i, n int) incident.Incident {
	rng := g.rng
	skew := func(k int, f float64) int { return min(int(rng.ExpFloat64()*f), k-1) } // Zipf-like
	c := g.countries[skew(len(g.countries), 2.5)]
	st := g.subs[skew(len(g.subs), 4)]
	date := g.start.AddDate(0, 0, i*3650/n).Format(time.DateOnly)
	word := func() string { return noteWords[rng.IntN(len(noteWords))] }
	in := incident.Incident{
		EventID: fmt.Sprintf("GEN%07d", i), Doc: fmt.Sprintf("gen%05d.txt", i/10), ArticleID: fmt.Sprintf("%064d", i/10),
		EventDate: date, TimePrecision: 1, DisorderType: st.Disorder, EventType: st.EventType, SubEventType: st.Name,
		Actor1: c.actors[skew(len(c.actors), 2)], Inter1: 1 + rng.IntN(8),
		Actor2: c.actors[rng.IntN(len(c.actors))], Inter2: rng.IntN(8),
		Country: c.name, CountryCode: c.code, Admin1: c.admin1[skew(len(c.admin1), 2)],
		Location: fmt.Sprintf("Place %d", rng.IntN(500)), GeoPrecision: 1 + rng.IntN(3),
		Latitude: incident.Float(c.lat + rng.NormFloat64()*1.5), Longitude: incident.Float(c.lon + rng.NormFloat64()*1.5),
		Source:    []string{"Wire One", "Daily Two", "Radio Three", "Post Four"}[rng.IntN(4)],
		Notes:     fmt.Sprintf("On %s, %s %s near %s %s.", date, word(), word(), word(), word()),
		UpdatedAt: g.start,
	}
	if rng.IntN(5) > 0 {
		in.Fatalities = incident.Int(int(rng.ExpFloat64() * 2))
	}
	return in
}

func open1M(b *testing.B) *DB {
	if testing.Short() {
		b.Skip("1M-incident fixture skipped in -short")
	}
	bench1M.once.Do(func() {
		// SITREP_BENCH_DB keeps the fixture at a path of your choice and
		// reuses it when it exists, to iterate on queries quickly.
		if p := os.Getenv("SITREP_BENCH_DB"); p != "" {
			bench1M.path = p
			if _, err := os.Stat(p); err == nil {
				return
			}
		} else {
			bench1M.dir, bench1M.err = os.MkdirTemp("", "sitrep-bench-")
			if bench1M.err != nil {
				return
			}
			bench1M.path = filepath.Join(bench1M.dir, "1m.db")
		}
		db, err := Open(context.Background(), bench1M.path, nil)
		if err != nil {
			bench1M.err = err
			return
		}
		t0 := time.Now()
		if err := fill1M(context.Background(), db, 1_000_000); err != nil {
			bench1M.err = err
		}
		b.Logf("built 1,000,000-incident fixture in %s", time.Since(t0).Round(time.Second))
		bench1M.err = errorsJoin(bench1M.err, db.Close())
	})
	if bench1M.err != nil {
		b.Fatal(bench1M.err)
	}
	db, err := Open(b.Context(), bench1M.path, nil)
	if err != nil {
		b.Fatal(err)
	}
	return db
}

func errorsJoin(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// measure runs fn b.N times and reports the p50 and p95 latency.
func measure(b *testing.B, fn func(i int) error) {
	b.Helper()
	var lat []time.Duration
	for w := range 5 { // warm the page cache: a server's steady state
		if err := fn(1000 + w); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		if err := fn(i); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
		i++
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
}

func year(y int) (time.Time, time.Time) {
	return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
}

// BenchmarkIncidents1M measures one filtered page of 100 incidents over a
// store of 1,000,000, for the filters analysts use most.
func BenchmarkIncidents1M(b *testing.B) {
	db := open1M(b)
	defer db.Close()
	cs := genCountries()
	filters := map[string]func(i int) incident.Filter{
		"latest": func(int) incident.Filter { return incident.Filter{Sort: "-event_date"} },
		"country+year": func(i int) incident.Filter {
			f, t := year(2016 + i%10)
			return incident.Filter{Country: cs[i%len(cs)].code, From: f, To: t, Sort: "-event_date"}
		},
		"country-name": func(i int) incident.Filter { return incident.Filter{Country: cs[i%len(cs)].name} },
		"actor": func(i int) incident.Filter {
			return incident.Filter{Actor: cs[i%len(cs)].actors[i%9], Sort: "-event_date"}
		},
		"actor-base-name": func(i int) incident.Filter { return incident.Filter{Actor: "Islamic State", Sort: "-event_date"} },
		"admin1+type": func(i int) incident.Filter {
			c := cs[i%4]
			return incident.Filter{Admin1: c.admin1[i%len(c.admin1)], EventType: incident.Battles}
		},
		"subtype+year": func(i int) incident.Filter {
			f, t := year(2016 + i%10)
			return incident.Filter{SubEventType: "Suicide bomb", From: f, To: t}
		},
		"deadliest+country": func(i int) incident.Filter {
			return incident.Filter{Country: cs[i%len(cs)].code, MinFatalities: 5, Sort: "-fatalities"}
		},
		"bbox+year": func(i int) incident.Filter {
			f, t := year(2016 + i%10)
			c := cs[i%len(cs)]
			return incident.Filter{From: f, To: t, BBox: &incident.BBox{MinLon: c.lon - 1, MinLat: c.lat - 1, MaxLon: c.lon + 1, MaxLat: c.lat + 1}}
		},
		// A common word is in ~10% of the generated notes, a date phrase in
		// ~0.03%: the dense and the selective plan.
		"text-common+country": func(i int) incident.Filter {
			return incident.Filter{Text: noteWords[i%len(noteWords)], Country: cs[i%3].code}
		},
		"text-rare": func(i int) incident.Filter {
			return incident.Filter{Text: `"` + time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*37%3650).Format(time.DateOnly) + `"`}
		},
	}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range filters {
			if !yield(k) {
				return
			}
		}
	}) {
		mk := filters[name]
		b.Run(name, func(b *testing.B) {
			measure(b, func(i int) error {
				p, err := db.Incidents(b.Context(), mk(i))
				if err == nil && len(p.Incidents) == 0 {
					err = fmt.Errorf("%s: empty page", name)
				}
				return err
			})
		})
	}
	b.Run("deep-pages", func(b *testing.B) {
		f := incident.Filter{Country: "IQ", Sort: "-event_date"}
		measure(b, func(int) error {
			p, err := db.Incidents(b.Context(), f)
			f.Cursor = p.Next
			return err
		})
	})
}

// BenchmarkSeries1M measures weekly and monthly series over 1,000,000
// incidents.
func BenchmarkSeries1M(b *testing.B) {
	db := open1M(b)
	defer db.Close()
	cs := genCountries()
	cases := []struct {
		name, interval, by string
		f                  func(i int) incident.Filter
	}{
		{"week/all", "week", "", func(int) incident.Filter { return incident.Filter{} }},
		{"week/country", "week", "", func(i int) incident.Filter { return incident.Filter{Country: cs[i%len(cs)].code} }},
		{"week/by-event_type/country", "week", "event_type", func(i int) incident.Filter { return incident.Filter{Country: cs[i%len(cs)].code} }},
		{"week/by-admin1/country+2y", "week", "admin1", func(i int) incident.Filter {
			f, _ := year(2016 + i%8)
			_, t := year(2017 + i%8)
			return incident.Filter{Country: cs[i%len(cs)].code, From: f, To: t}
		}},
		{"month/by-actor/country", "month", "actor", func(i int) incident.Filter { return incident.Filter{Country: cs[i%len(cs)].code} }},
		{"week/actor", "week", "", func(i int) incident.Filter { return incident.Filter{Actor: cs[i%len(cs)].actors[i%9]} }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			measure(b, func(i int) error {
				_, err := db.Series(b.Context(), c.f(i), c.interval, c.by)
				return err
			})
		})
	}
}

// BenchmarkSaveArticle measures the store's share of ingest: one article
// of about 400 words per transaction, near-duplicate lookup and full-text
// indexing included, without incidents and with three; one transaction per
// article (save=single) or through a Batch (save=batch).
func BenchmarkSaveArticle(b *testing.B) {
	for _, mode := range []string{"single", "batch"} {
		for _, per := range []int{0, 3} {
			b.Run(fmt.Sprintf("save=%s/incidents=%d", mode, per), func(b *testing.B) { benchSave(b, per, mode == "batch") })
		}
	}
}

func benchSave(b *testing.B, per int, batch bool) {
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "save.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	save := db.SaveArticle
	if batch {
		bt := db.Batch()
		defer bt.Close()
		save = bt.SaveArticle
	}
	rng := rand.New(rand.NewPCG(3, 4))
	words := make([]string, 400)
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		for j := range words {
			words[j] = noteWords[rng.IntN(len(noteWords))] + strconv.Itoa(rng.IntN(50))
		}
		a := &article.Article{Source: fmt.Sprintf("a%d.txt", i), Title: "Report", Text: strings.Join(words, " ")}
		ins := make([]incident.Incident, per)
		for k := range ins {
			ins[k] = incident.Incident{EventID: fmt.Sprintf("S%d-%d", i, k), EventDate: "2024-01-02", Country: "Iraq", CountryCode: "IQ",
				Actor1: "Army", Actor2: "Rebels", Fatalities: incident.Int(k), Notes: words[k] + " " + words[k+1],
				Evidence: []incident.Evidence{{Field: "location", Start: 0, End: 5, Quote: "x", Rule: "r"}}}
		}
		if _, err := save(b.Context(), a, ins); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "articles/s")
}

// TestFillFixture builds a small version of the benchmark fixture, so the
// bulk path stays in step with the schema, and checks the rollups agree
// with the incidents on it.
func TestFillFixture(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	if err := fill1M(t.Context(), db, 3000); err != nil {
		t.Fatal(err)
	}
	p, err := db.Incidents(t.Context(), incident.Filter{Country: "IQ", Sort: "-fatalities", Limit: 10})
	if err != nil || len(p.Incidents) != 10 {
		t.Fatalf("Incidents: %d, %v", len(p.Incidents), err)
	}
	total := 0
	pts, err := db.Series(t.Context(), incident.Filter{}, "month", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, pt := range pts {
		total += pt.Incidents
	}
	if total != 3000 {
		t.Errorf("monthly series counts %d incidents, want 3000", total)
	}
}
