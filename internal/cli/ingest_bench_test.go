package cli

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/incident"
	"github.com/sitrep-org/sitrep/internal/ingest"
	"github.com/sitrep-org/sitrep/internal/store/sqlite"
)

// The benchmark's articles are generated from these phrase lists (written
// for it): every sentence draws each slot at random, so five-word shingles
// rarely repeat across articles and the near-duplicate check sees unrelated
// reports, as in a real feed.
var (
	benchSubjects = []string{"Gunmen", "Armed men on motorcycles", "Soldiers", "Suspected militants", "Unknown assailants",
		"Police officers", "Rebel fighters", "A crowd of youths", "Local militia members", "Bandits", "Herders", "Masked attackers"}
	benchVerbs = []string{"attacked", "raided", "opened fire on", "surrounded", "shelled", "stormed", "ambushed",
		"set fire to", "looted", "blockaded", "besieged", "overran"}
	benchObjects = []string{"a cattle market", "a police post", "the primary school", "a minibus", "a gold mining site",
		"a mosque", "farmers in their fields", "a church", "an army patrol", "a checkpoint", "the district office", "a displacement camp"}
	benchPlaces = []string{"Dawaro", "Kelemi", "Baranso", "Tuluma", "Ngaroua", "Selbeni", "Marwazi", "Oyapa", "Kintaru",
		"Haddal", "Sokoro", "Bellanga", "Fimbar", "Ourezi", "Tassawa", "Gidan Musa"}
	benchWhen = []string{"on Monday", "late on Tuesday", "at dawn on Wednesday", "overnight", "on Thursday evening",
		"early on Friday", "during Saturday prayers", "on Sunday afternoon", "last weekend", "before sunrise"}
	benchTails = []string{"killing %d people, a local official said", "leaving %d dead according to residents",
		"wounding %d civilians, hospital staff reported", "and abducted %d villagers, witnesses told reporters",
		"in an assault that lasted %d hours", "a week after %d soldiers died nearby", "forcing %d families to flee",
		"the regional governor confirmed, putting the toll at %d", "in which %d attackers were killed, the army claimed"}
)

func pick(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

// benchArticle builds article i's plain text: a headline line and three
// paragraphs of four generated sentences.
func benchArticle(rng *rand.Rand, i int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s near %s, report %d\n\n", pick(rng, benchSubjects), pick(rng, benchVerbs),
		pick(rng, benchObjects), pick(rng, benchPlaces), i)
	for range 3 {
		for range 4 {
			fmt.Fprintf(&b, "%s %s %s in %s %s, "+pick(rng, benchTails)+". ", pick(rng, benchSubjects), pick(rng, benchVerbs),
				pick(rng, benchObjects), pick(rng, benchPlaces), pick(rng, benchWhen), rng.IntN(60)+1)
		}
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}

// benchIncidents makes n synthetic incidents citing the article's text.
// Dates and places vary with i, so merging sees the spread of a real feed
// rather than every report telling of one event.
func benchIncidents(a article.Article, i, n int) []incident.Incident {
	ins := make([]incident.Incident, n)
	for k := range ins {
		end := min(len(a.Text), 40*(k+1))
		day := (i*n + k) % 700
		ins[k] = incident.Incident{
			EventID: fmt.Sprintf("%s-%d", a.Source, k), EventDate: time.Date(2023, 1, 1+day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
			Country: "Mali", CountryCode: "ML", Location: benchPlaces[(i+k)%len(benchPlaces)], Actor1: "Unidentified Armed Group (Mali)",
			Actor2: "Civilians (Mali)", Fatalities: incident.Int(k + 1), Notes: a.Text[:end],
			Evidence: []incident.Evidence{{Field: "location", Start: 0, End: end, Quote: a.Text[:end], Rule: "bench"}},
		}
	}
	return ins
}

// BenchmarkIngestPipeline measures ingest's whole path for plain-text
// articles: parse and clean (ingest.FromText), then store, one transaction
// per article (save=single) or through a batch as `sitrep ingest` does
// (save=batch), without extraction and with two synthetic incidents per
// article. The store lives under TMPDIR (set TMPDIR=/dev/shm
// to take the disk out of the numbers).
func BenchmarkIngestPipeline(b *testing.B) {
	for _, batch := range []bool{false, true} {
		for _, per := range []int{0, 2} {
			name := fmt.Sprintf("save=single/incidents=%d", per)
			if batch {
				name = fmt.Sprintf("save=batch/incidents=%d", per)
			}
			b.Run(name, func(b *testing.B) { benchPipeline(b, per, batch) })
		}
	}
}

func benchPipeline(b *testing.B, per int, batch bool) {
	ctx := b.Context()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "ingest.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var saver articleSaver = db
	if batch {
		bt := db.Batch()
		defer bt.Close()
		saver = bt
	}
	rng := rand.New(rand.NewPCG(11, uint64(per)))
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		data := benchArticle(rng, n)
		a, err := ingest.FromText(fmt.Sprintf("d%d.txt", n), data, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		var ins []incident.Incident
		if per > 0 {
			ins = benchIncidents(a, n, per)
		}
		if _, err := saver.SaveArticle(ctx, &a, ins); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
