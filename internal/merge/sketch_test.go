package merge

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// nearMiss makes incidents from small pools of places, dates, types and
// actors, so that a good share of pairs are the same event and many more
// fail one test only: the pairs a prefilter is most likely to get wrong.
func nearMiss(rng *rand.Rand) incident.Incident {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	types := [][2]string{
		{incident.Battles, "Armed clash"}, {incident.ExplosionsRemote, "Suicide bomb"},
		{incident.ExplosionsRemote, "Remote explosive/landmine/IED"}, {incident.ViolenceAgainstCivs, "Attack"},
		{incident.Protests, "Peaceful protest"}, {incident.Riots, "Mob violence"},
		{incident.StrategicDevelopment, "Arrests"}, {incident.StrategicDevelopment, "Looting/property destruction"},
		{"", ""}, {incident.Battles, ""},
	}
	ty := types[rng.IntN(len(types))]
	day := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(12))
	in := incident.Incident{
		ArticleID: pick("a1", "a2", "a3", "a4", "a5", "a6", ""), Doc: pick("", "d1.txt", "d2.txt"),
		EventDate: day.Format(time.DateOnly), TimePrecision: rng.IntN(4),
		EventType: ty[0], SubEventType: ty[1],
		Actor1:      pick("Islamic State (Iraq)", "islamic  state (iraq)", "Unidentified Armed Group (Iraq)", "", "Military Forces of Iraq", "PMF"),
		AssocActor1: pick("", "", "PMF", "Islamic State (Iraq); Tribal Militia", "unknown"),
		Actor2:      pick("Civilians (Iraq)", "", "Military Forces of Iraq", "Unknown"),
		AssocActor2: pick("", "", "Civilians (Iraq)"),
		Country:     pick("Iraq", "Iraq", "Syria", ""), CountryCode: pick("IQ", "IQ", "", "iq", "SY"),
		Admin1: pick("Diyala", "diyala", "Salah ad-Din", ""), Admin2: pick("Khanaqin", "", "Baqubah"),
		Location: pick("Jalawla", "Qara Tapa", "Khanaqin", "", "jalawla"), GeoPrecision: rng.IntN(4),
		Sources: []incident.SourceRef{{ArticleID: pick("a1", "a7", "")}},
	}
	if rng.IntN(6) > 0 {
		in.Latitude = incident.Float(34.3 + rng.NormFloat64()*0.15)
		in.Longitude = incident.Float(45.1 + rng.NormFloat64()*0.15)
	}
	if rng.IntN(10) == 0 {
		in.EventDate = pick("", "2024-13-01", "June 2024")
	}
	return in
}

// TestSketchNeverDropsAMerge is the property the store's prefilter rests
// on: whenever Join would put report a into the cluster whose merged
// incident is b, MayJoin passes b's sketch for a. It checks more: MayJoin
// is exactly the same-event test, articles aside, so the sketch loses
// nothing the test reads.
func TestSketchNeverDropsAMerge(t *testing.T) {
	o := DefaultOptions()
	rng := rand.New(rand.NewPCG(7, 8))
	const n = 400
	incs := make([]incident.Incident, n)
	sketches := make([]string, n)
	for i := range incs {
		incs[i] = nearMiss(rng)
		sketches[i] = Sketch(&incs[i])
	}
	joins, passes := 0, 0
	for i := range incs {
		a := &incs[i]
		p := o.Probe(a)
		ra := newReport(a, 1<<30)
		for j := range incs {
			b := &incs[j]
			may := p.MayJoin(sketches[j])
			if may {
				passes++
			}
			if o.Join(a, [][]incident.Incident{{*b}}) == 0 {
				joins++
				if !may {
					t.Fatalf("Join accepts but MayJoin drops:\n a %+v\n b %+v", *a, *b)
				}
			}
			rb := newReport(b, j)
			if want, _ := o.sameEvent(&ra, &rb); may != want {
				t.Fatalf("MayJoin = %v, same-event test %v:\n a %+v\n b %+v", may, want, *a, *b)
			}
		}
	}
	t.Logf("%d pairs: Join accepts %d, MayJoin passes %d", n*n, joins, passes)
	if joins < 500 || passes >= n*n/2 {
		t.Errorf("generator too easy or too hard: %d joins, %d passes of %d pairs", joins, passes, n*n)
	}
}

// TestSketchRoundTrip: a sketch decodes to the report it came from, less
// its position and articles, for any text in the fields.
func TestSketchRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	odd := incident.Incident{
		EventDate: "2024-02-29", TimePrecision: 3, EventType: "a|b:3:", SubEventType: "|12:",
		Actor1: "x:|y", AssocActor1: "1:|; :", Country: "ü|", Admin1: "9:", Location: "::",
		Latitude: incident.Float(-0.1), Longitude: incident.Float(1e-300), GeoPrecision: -4,
	}
	cases := []incident.Incident{odd, {}}
	for range 200 {
		cases = append(cases, nearMiss(rng))
	}
	for i := range cases {
		want := newReport(&cases[i], 0)
		want.articles = nil
		got, ok := decodeSketch(Sketch(&cases[i]))
		if !ok || !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d: decodeSketch(Sketch) = %+v, %v; want %+v", i, got, ok, want)
		}
	}
}

// TestSketchPinned fixes one incident's sketch: when it changes, stored
// sketches no longer say what newReport would read from their incidents,
// and SketchVersion must change so that stores write them again.
func TestSketchPinned(t *testing.T) {
	in := incident.Incident{
		EventDate: "2024-06-02", TimePrecision: 2, EventType: incident.ExplosionsRemote, SubEventType: "Suicide bomb",
		Actor1: "Islamic State (Iraq)", AssocActor1: "Unknown; Tribal  Militia", Actor2: "Unidentified gunmen",
		Country: "Iraq", CountryCode: "iq", Admin1: "Salah ad-Din", Admin2: "Tikrit", Location: "Al-Alam",
		Latitude: incident.Float(34.6), Longitude: incident.Float(43.7), GeoPrecision: 2,
	}
	const want = "s1|5:19870|5:19882|1:1|2:IQ|10:salahaddin|6:tikrit|6:alalam|4:34.6|4:43.7|1:1|1:2|8:violence" +
		"|26:Explosions/Remote violence|12:Suicide bomb|20:islamic state (iraq)|1:1|14:tribal militia|0:|1:0"
	if got := Sketch(&in); got != want || SketchVersion != "s1" {
		t.Errorf("Sketch = %q\nwas     %q\nbump SketchVersion (and this test's want) when what a sketch says changes", got, want)
	}
}

// FuzzSketch: no text panics the decoder, anything malformed may join,
// and any incident's sketch round-trips.
func FuzzSketch(f *testing.F) {
	rng := rand.New(rand.NewPCG(1, 1))
	for range 4 {
		in := nearMiss(rng)
		f.Add(Sketch(&in), `{"event_date":"2024-06-02","country_code":"IQ","location":"x"}`)
	}
	f.Add("s1|3:abc|99999999999999999999:", "{}")
	f.Add("s1|1:1|1:1|0:|0:", `{"latitude":1e308,"actor1":"a|b"}`)
	f.Fuzz(func(t *testing.T, sketch, incJSON string) {
		p := DefaultOptions().Probe(&incident.Incident{EventDate: "2024-06-02", CountryCode: "IQ", Location: "x"})
		if _, ok := decodeSketch(sketch); !ok && !p.MayJoin(sketch) {
			t.Fatalf("malformed sketch %q ruled out", sketch)
		}
		var in incident.Incident
		if json.Unmarshal([]byte(incJSON), &in) != nil {
			return
		}
		want := newReport(&in, 0)
		want.articles = nil
		got, ok := decodeSketch(Sketch(&in))
		if !ok || fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
			t.Fatalf("round trip of %s: %+v, %v; want %+v", incJSON, got, ok, want)
		}
	})
}
