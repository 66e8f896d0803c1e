package geoeval

import (
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-org/sitrep/internal/gazetteer"
)

// Two tiny corpora in the two layouts, written for this test. Offsets count
// characters, as the real corpora do ("Ḩ" is one character, two bytes).
const gaztagCorpus = `<?xml version="1.0"?><articles><article docid="1"><text>Ḩ Fighting in Mosul, Iraq.</text>
<toponyms><toponym><start>14</start><end>19</end><phrase>Mosul</phrase>
<gaztag geonameid="99072"><name>Mosul</name><lat>36.335</lat><lon>43.119</lon><country geonameid="99237">Iraq</country></gaztag></toponym>
<toponym><start>21</start><end>25</end><phrase>Iraq</phrase></toponym></toponyms></article></articles>`

const gwnCorpus = `<articles><article file="0"><text>Rain fell on Karbala.</text><toponyms>
<toponym><extractedName>Karbala</extractedName><start>13</start><end>20</end><geonamesID>94824</geonamesID><latitude>32.616</latitude><longitude>44.025</longitude></toponym>
<toponym><extractedName>Rain</extractedName><start>0</start><end>4</end><geonamesID/><latitude>1</latitude><longitude>1</longitude></toponym>
</toponyms></article></articles>`

var (
	once sync.Once
	gaz  *gazetteer.Gazetteer
	gerr error
)

func load(t *testing.T) *gazetteer.Gazetteer {
	t.Helper()
	once.Do(func() { gaz, gerr = gazetteer.Load() })
	if gerr != nil {
		t.Fatal(gerr)
	}
	return gaz
}

func TestParseLayouts(t *testing.T) {
	docs, err := Parse(strings.NewReader(gaztagCorpus))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Toponyms) != 1 {
		t.Fatalf("gaztag layout: %+v", docs)
	}
	tp := docs[0].Toponyms[0]
	if docs[0].Text[tp.Start:tp.End] != "Mosul" || tp.Country != "Iraq" {
		t.Errorf("gaztag toponym = %+v (byte span %q)", tp, docs[0].Text[tp.Start:tp.End])
	}
	docs, err = Parse(strings.NewReader(gwnCorpus))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Toponyms) != 1 || docs[0].Toponyms[0].Name != "Karbala" {
		t.Fatalf("GeoWebNews layout: %+v", docs)
	}
	if _, err := Parse(strings.NewReader("<articles><article>")); err == nil {
		t.Error("truncated XML parsed without error")
	}
}

func TestEvaluate(t *testing.T) {
	g := load(t)
	docs, err := Parse(strings.NewReader(gaztagCorpus))
	if err != nil {
		t.Fatal(err)
	}
	r := Evaluate(g, "tiny", docs, nil, false)
	if r.Toponyms != 1 || r.Resolved != 1 || r.Within161km != 1 || r.CountryAcc != 1 {
		t.Errorf("Evaluate = %+v", r)
	}
	if s := Evaluate(g, "tiny", docs, nil, true); s.Within161km != 1 {
		t.Errorf("Evaluate with scanned context = %+v", s)
	}
	r = Evaluate(g, "none", docs, func(int) bool { return false }, false)
	if r.Toponyms != 0 || r.MedianErrorKm != 0 {
		t.Errorf("Evaluate with nothing kept = %+v", r)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(gaztagCorpus)
	f.Add(gwnCorpus)
	f.Add("<articles><article><text>x</text><toponyms><toponym><start>-1</start><end>99</end></toponym></toponyms></article></articles>")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, tp := range d.Toponyms {
				if tp.Start < 0 || tp.End > len(d.Text) || tp.Start >= tp.End {
					t.Fatalf("bad span %d-%d in %q", tp.Start, tp.End, d.Text)
				}
			}
		}
	})
}

// A corpus whose offsets run two characters ahead of the text, as in some
// TR-News articles: the phrase is found at its nearest occurrence.
const driftCorpus = `<articles><article><text>Snow hit Ottawa.
Later, Ottawa is calm and so is Yorkton.</text><toponyms>
<toponym><start>11</start><end>17</end><phrase>Ottawa</phrase><gaztag><lat>45.4</lat><lon>-75.7</lon></gaztag></toponym>
<toponym><start>26</start><end>32</end><phrase>Ottawa</phrase><gaztag><lat>45.4</lat><lon>-75.7</lon></gaztag></toponym>
<toponym><start>50</start><end>57</end><phrase>Brandon</phrase><gaztag><lat>49.8</lat><lon>-99.9</lon></gaztag></toponym>
</toponyms></article></articles>`

func TestParseRealignsDriftedOffsets(t *testing.T) {
	docs, err := Parse(strings.NewReader(driftCorpus))
	if err != nil {
		t.Fatal(err)
	}
	tps := docs[0].Toponyms
	if len(tps) != 3 {
		t.Fatalf("toponyms = %+v", tps)
	}
	text := docs[0].Text
	for i, want := range []int{9, 24} {
		if tps[i].Start != want || text[tps[i].Start:tps[i].End] != "Ottawa" {
			t.Errorf("toponym %d at %d (%q), want Ottawa at %d", i, tps[i].Start, text[tps[i].Start:tps[i].End], want)
		}
	}
	// A phrase the text does not hold keeps the corpus span and its text.
	if got := text[tps[2].Start:tps[2].End]; tps[2].Name != got || tps[2].Start != 50 {
		t.Errorf("unmatched phrase: %+v (span %q)", tps[2], got)
	}
}

// TestInReach: a namesake the ranker passed over is in reach; a gold point
// no reading of the name comes near is not.
func TestInReach(t *testing.T) {
	g := load(t)
	const corpus = `<articles><article file="0"><text>Paris was quiet.</text><toponyms>
<toponym><extractedName>Paris</extractedName><start>0</start><end>5</end><geonamesID>4717560</geonamesID><latitude>33.661</latitude><longitude>-95.556</longitude></toponym>
</toponyms></article><article file="1"><text>Mosul was quiet.</text><toponyms>
<toponym><extractedName>Mosul</extractedName><start>0</start><end>5</end><geonamesID/><latitude>0.5</latitude><longitude>0.5</longitude></toponym>
</toponyms></article></articles>`
	docs, err := Parse(strings.NewReader(corpus))
	if err != nil {
		t.Fatal(err)
	}
	paris := Evaluate(g, "paris", docs, func(i int) bool { return i == 0 }, false)
	if paris.Within161km != 0 || paris.InReach != 1 {
		t.Errorf("bare Paris with Texas gold: within %.2f, in reach %.2f; want 0 and 1", paris.Within161km, paris.InReach)
	}
	mosul := Evaluate(g, "mosul", docs, func(i int) bool { return i == 1 }, false)
	if mosul.InReach != 0 {
		t.Errorf("Mosul with a gold point in the Gulf of Guinea: in reach %.2f, want 0", mosul.InReach)
	}
}
