package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/sitrep-org/sitrep/internal/sharedtest"
)

// The cleaner's matchers were made faster without changing what they
// decide: a hint automaton instead of strings.Contains per word, anchored
// forms of three patterns, start-word search for an unanchored outlet
// pattern and shape tests before the date patterns. These tests hold each
// fast path to the plain form it replaced, on every line of the project's
// pages and samples, the seeds and the article-extraction pages (when the
// shared inputs are present), on made-up lines aimed at the edge cases, and
// under fuzzing.

// replacedPatterns are the rule patterns as they were written before they
// were anchored as a whole (Go tries a pattern whose alternatives each
// start with ^ at every byte).
var replacedPatterns = map[string]*regexp.Regexp{
	"font-size-controls": regexp.MustCompile(`(?i)^(a\s*[+-]\s*){2,}$|^(font size|text size)\s*:?\s*(a\s*[+-]?\s*)*$`),
	"news-link":          regexp.MustCompile(`(?i)^(news|short|permanent|perma|page|story) ?link\s*:?\s*(https?://\S+)?$|^https?://\S+$`),
	"copyright":          regexp.MustCompile(`(?i)^(©|\(c\)\s|copyright\b).{0,}$|^.{0,}\b(all|publishing) rights\b.{0,}\breserved\b.{0,}$`),
}

var fourDigits = regexp.MustCompile(`[0-9]{4}`)

// edgeLines exercise case folding, non-ASCII text and the shapes of dates.
var edgeLines = []string{
	"", " ", "ad", "AD", "Advertisement", "ADVERTISEMENT", "РЕКЛАМА", "Реклама дня", "إعلان", "Werbung",
	"Sponsored Content", "© 2024 Harbour Times", "(C) Harbour", "COPYRIGHT 2020 ALL RIGHTS RESERVED",
	"All Rights Reserved to the Sahel Ledger", "news link: https://x.example/a", "HTTPS://X.EXAMPLE/A",
	"Font size: A+ A-", "a+ a- a+", "Ⅽopyright", "Ad\u00a0Choices", "Moderates all comments", "\xff\xfe ad \xc3",
	"He told Reuters and told the Delta Herald", "stold Reuters", "_told Reuters", "é told Radio Free", "told",
	"in an interview with The Post, he said to The Times", "sent to Xtold Radio", "Told Reuters",
	"5 Feb 2024", "5 FEB 2024", "ſeptember 4, 2018", "Sept. 4, 2018", "4 \u212aOT 2019", "12 de março de 2020",
	"12 DE MARÇO DE 2020", "1er août 2021", "AOÛT 2021", "märz 2022", "MÄRZ 2022", "report 1234", "market 2024",
	"mayor 2024", "may be 2024", "may 2024", "May, 2024", "émars 2020", "xmars 2020", "Mar.-2020", "mar\t\f2020",
	"09-03-2020", "2020-03-09T10:00", "2020/3/9", "9.3.2020", "1234-5", "-2020", "20201", "Jan 5 2020 Feb 2021",
	"Published: Monday, March 9, 2020 8:14 AM", "dic 2020", "Dic. 2020", "okt 2020", "OKT 2020", "out 2020",
	"Next Monday, not Tuesday; MONDAY and next Sábado", "el próximo viernes y el SÁBADO", "Dimanche 3 mars 2020",
	"Le 3 décembre 2019", "3 DÉCEMBRE 2019", "3 Décembre 2019", "février 2020", "FÉVRIER 2020", "1 of may 2020",
}

// corpusLines gathers the test lines: edge cases, then every line of the
// project's pages and samples, the seeds and the article-extraction pages.
func corpusLines(t *testing.T) []string {
	t.Helper()
	lines := append([]string(nil), edgeLines...)
	seen := map[string]bool{}
	add := func(text string) {
		for _, l := range strings.Split(text, "\n") {
			for _, v := range []string{l, normalizeLine(strings.TrimRight(l, " \t\r"))} {
				v = v[:min(len(v), 700)] // longer tells no more, and the plain forms are slow
				if !seen[v] {
					seen[v] = true
					lines = append(lines, v)
				}
			}
		}
	}
	root := sharedtest.RepoRoot(t)
	for _, pat := range []string{"internal/ingest/testdata/pages/*", "samples/articles/*"} {
		files, _ := filepath.Glob(filepath.Join(root, pat))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			add(string(data))
		}
	}
	if dir, ok := sharedtest.Find("seeds"); ok {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			data, _ := os.ReadFile(f)
			add(string(data))
		}
	}
	if dir, ok := sharedtest.Find("datasets/article-extraction"); ok {
		for _, text := range extractionTexts(t, dir) {
			add(text)
		}
	}
	return lines
}

// extractionTexts are the benchmark's true bodies and the text extracted
// from its pages.
func extractionTexts(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	if data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json")); err == nil {
		var truth map[string]struct {
			Body string `json:"articleBody"`
		}
		if err := json.Unmarshal(data, &truth); err != nil {
			t.Fatal(err)
		}
		for _, v := range truth {
			out = append(out, v.Body)
		}
	}
	if raceEnabled || testing.Short() {
		return out // extracting 181 pages takes a minute under the race detector
	}
	for _, p := range sharedtest.Pages(t, "datasets/article-extraction/html", 1) {
		data := p.HTML
		if text, err := ExtractHTML("", data); err == nil {
			out = append(out, text)
		}
	}
	return out
}

func TestMatchersAgreeOnCorpus(t *testing.T) {
	lines := corpusLines(t)
	t.Logf("%d lines", len(lines))
	for _, s := range lines {
		checkMatchers(t, s)
	}
}

func FuzzMatchers(f *testing.F) {
	for _, s := range edgeLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			s = s[:2000]
		}
		checkMatchers(t, s)
	})
}

// checkMatchers compares every fast path with its plain form on one line.
func checkMatchers(t *testing.T, s string) {
	t.Helper()
	checkHints(t, s)
	checkReplacedPatterns(t, s)
	checkPrefilters(t, s)
	checkOutletFindAll(t, s)
	checkFindDate(t, s)
	checkWeekdays(t, s)
	folded := trimBullet(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
	}), " "))
	if got := normalizeLine(s); got != folded {
		t.Fatalf("normalizeLine(%q) = %q, folding every line gives %q", s, got, folded)
	}
	want := len(strings.Fields(s))
	if got := countFields(s); got != want {
		t.Fatalf("countFields(%q) = %d, strings.Fields has %d", s, got, want)
	}
	for _, limit := range []int{1, 3, 8, 14} {
		if got := countFieldsUpTo(s, limit); got != min(want, limit) {
			t.Fatalf("countFieldsUpTo(%q, %d) = %d, strings.Fields has %d", s, limit, got, want)
		}
	}
}

func checkHints(t *testing.T, s string) {
	t.Helper()
	lower := strings.ToLower(s)
	hits := book.hints.scan(s)
	for _, table := range [][]lineRule{book.drop, book.tail, book.mark} {
		for _, r := range table {
			if len(r.hints) > 0 && hits.any(r.need) != containsAny(lower, r.hints) {
				t.Fatalf("rule %s: hint index says %v on %q", r.name, hits.any(r.need), s)
			}
		}
	}
	for _, r := range book.outlet {
		if hits.any(r.need) != containsAny(lower, r.hints) {
			t.Fatalf("outlet rule %s: hint index says %v on %q", r.name, hits.any(r.need), s)
		}
	}
}

// checkPrefilters: a line a prefilter turns away never matches its pattern.
func checkPrefilters(t *testing.T, s string) {
	t.Helper()
	for _, table := range [][]lineRule{book.drop, book.tail, book.mark} {
		for _, r := range table {
			if r.re != nil && (!r.pre.mayMatch(s) || !r.post.mayEnd(s)) && r.re.MatchString(s) {
				t.Fatalf("rule %s matches %q, which its prefilters turned away", r.name, s)
			}
			if r.fn != nil && r.fn(s) != r.re.MatchString(s) {
				t.Fatalf("rule %s: matcher says %v on %q, its pattern the opposite", r.name, r.fn(s), s)
			}
		}
	}
	for _, r := range book.outlet {
		if (!r.pre.mayMatch(s) || !r.post.mayEnd(s)) && r.re.MatchString(s) {
			t.Fatalf("outlet rule %s matches %q, which its prefilters turned away", r.name, s)
		}
	}
}

func checkReplacedPatterns(t *testing.T, s string) {
	t.Helper()
	for _, r := range book.drop {
		if old, ok := replacedPatterns[r.name]; ok && r.re != nil {
			if got, want := r.re.MatchString(s), old.MatchString(s); got != want {
				t.Fatalf("rule %s: anchored pattern says %v, the old one %v on %q", r.name, got, want, s)
			}
		}
	}
}

func checkOutletFindAll(t *testing.T, s string) {
	t.Helper()
	for _, r := range book.outlet {
		if r.at == nil && len(r.sep) == 0 && r.pre == nil {
			continue
		}
		if diff := cmp.Diff(r.re.FindAllStringSubmatch(s, -1), r.findAll(s)); diff != "" {
			t.Fatalf("outlet rule %s on %q: mismatch (-regexp +findAll):\n%s", r.name, s, diff)
		}
	}
}

// checkWeekdays compares mentionedWeekdays with the plain form it had:
// split at non-letters, every word lower-cased.
func checkWeekdays(t *testing.T, s string) {
	t.Helper()
	var want []time.Weekday
	seen := map[time.Weekday]bool{}
	prev := ""
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 5 && len(w) <= 10 {
			if d, ok := weekdayIndex[strings.ToLower(w)]; ok && !forwardWords[prev] && !seen[d] {
				seen[d] = true
				want = append(want, d)
			}
		}
		prev = strings.ToLower(w)
	}
	if got := mentionedWeekdays(s); !cmp.Equal(got, want) {
		t.Fatalf("mentionedWeekdays(%q) = %v, the plain form gives %v", s, got, want)
	}
}

// checkFindDate compares FindDate with the date patterns run without the
// shape tests, and the month test with the month patterns themselves.
func checkFindDate(t *testing.T, s string) {
	t.Helper()
	if len(s) > 4096 {
		s = s[:4096]
	}
	want, wantOK := findDatePlain(s)
	got, ok := FindDate(s)
	if ok != wantOK || !cmp.Equal(got, want) {
		t.Fatalf("FindDate(%q) = %+v %v, the plain patterns give %+v %v", s, got, ok, want, wantOK)
	}
	shape := shapeOf(s)
	if mayHoldMonth(s) {
		shape |= shapeMonth
	}
	for _, p := range datePatterns {
		if shape&p.needs == 0 && p.re.MatchString(s) {
			t.Fatalf("pattern %s matches %q, whose shape %b lacks %b", p.layout, s, shape, p.needs)
		}
	}
}

// findDatePlain is FindDate as it was: every pattern on every line holding
// four digits in a row.
func findDatePlain(s string) (DateMatch, bool) {
	if !fourDigits.MatchString(s) {
		return DateMatch{}, false
	}
	for _, p := range datePatterns {
		for _, m := range p.re.FindAllStringSubmatchIndex(s, 4) {
			if dm, ok := readDate(p.layout, s, m); ok {
				return dm, true
			}
		}
	}
	return DateMatch{}, false
}

// TestASCIIReads holds the prefilters' table of what each instruction
// reads to MatchRune, over every rule's program and its reverse.
func TestASCIIReads(t *testing.T) {
	var res []*regexp.Regexp
	for _, table := range [][]lineRule{book.drop, book.tail, book.mark} {
		for _, r := range table {
			if r.re != nil {
				res = append(res, r.re)
			}
		}
	}
	for _, r := range book.outlet {
		res = append(res, r.re)
	}
	for _, re := range res {
		parsed, err := syntax.Parse(re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		for _, tree := range []*syntax.Regexp{parsed.Simplify(), reverse(parsed.Simplify())} {
			prog, err := syntax.Compile(tree)
			if err != nil {
				t.Fatal(err)
			}
			reads := asciiReads(prog)
			for pc := range prog.Inst {
				for c := rune(0); c < 128; c++ {
					i := &prog.Inst[pc]
					if want := isRuneInst(i) && readsRune(i, c); readsASCII(reads, uint32(pc), c) != want {
						t.Fatalf("%s: instruction %d (%v) reads %q: table says %v", re, pc, i, c, !want)
					}
				}
			}
		}
	}
}

func TestSuffilter(t *testing.T) {
	tests := []struct {
		pattern string
		in      string
		want    bool
	}{
		{`(?i)^\p{Lu}[\p{L} .'’-]{1,40}\s*[|,–—-]\s*(staff writer|reporter)$`, "Ann Lee, Staff Writer", true},
		{`(?i)^\p{Lu}[\p{L} .'’-]{1,40}\s*[|,–—-]\s*(staff writer|reporter)$`, "Roadside bomb hits patrol on the road", false},
		{`(?i)(photo|image)s?\s*:\s*[^.]{1,}$`, "x. Photo: AFP", true}, // unanchored start, anchored end
		{`(?i)credit\.?$`, "CREDIT.", true},
		{`(?i)credit\.?$`, "credits", false},
		{`(?i)desk$`, "news des\u212a", true}, // Kelvin sign: non-ASCII, left to the pattern
		{`^abc`, "xyz", true},                 // not anchored at the end: no filter
		{`^(?:ab|cd$)`, "abz", true},          // one branch not anchored: no filter
		{`(?m)ab$`, "abz", true},              // end of line, not of text
		{`ab\b$`, "xab", true},
	}
	for _, tt := range tests {
		re := regexp.MustCompile(tt.pattern)
		if got := newSuffilter(re).mayEnd(tt.in); got != tt.want {
			t.Errorf("suffilter(%s).mayEnd(%q) = %v, want %v", tt.pattern, tt.in, got, tt.want)
		}
		if re.MatchString(tt.in) && !newSuffilter(re).mayEnd(tt.in) {
			t.Errorf("suffilter(%s) turns away %q, which matches", tt.pattern, tt.in)
		}
	}
}

func TestPrefilter(t *testing.T) {
	tests := []struct {
		pattern string
		in      string
		want    bool
	}{
		{`(?i)^ad`, "AD", true},
		{`(?i)^ad`, "A roadside bomb", false},
		{`(?i)^(advertisement|ad)$`, "Advertisement", true},
		{`(?i)^k`, "\u212aelvin", true}, // the Kelvin sign folds to k
		{`(?i)^s`, "\u017fome", true},   // so does the long s to s
		{`^\p{Lu}`, "Élan", true},
		{`^\p{Lu}`, "élan", true}, // non-ASCII: left to the pattern
		{`^\p{Lu}`, "a", false},
		{`^abc`, "ab", false},
		{`^abc`, "abd", false},
		{`^abc`, "abcd", true},
		{`^a*$`, "", true},
		{`^a*$`, "b", true},  // may match empty: nothing to check
		{`abc`, "xyz", true}, // not anchored: no filter
		{`^.x`, "\nx", false},
		{`(?s)^.x`, "\nx", true},
		{`^(?:a|^b)c`, "bc", true},
		{`^[^.]+$`, "\xff", true},
	}
	for _, tt := range tests {
		re := regexp.MustCompile(tt.pattern)
		if got := newPrefilter(re).mayMatch(tt.in); got != tt.want {
			t.Errorf("prefilter(%s).mayMatch(%q) = %v, want %v", tt.pattern, tt.in, got, tt.want)
		}
		if re.MatchString(tt.in) && !newPrefilter(re).mayMatch(tt.in) {
			t.Errorf("prefilter(%s) turns away %q, which matches", tt.pattern, tt.in)
		}
		if re.MatchString(tt.in) && !newSuffilter(re).mayEnd(tt.in) {
			t.Errorf("suffilter(%s) turns away %q, which matches", tt.pattern, tt.in)
		}
	}
}
