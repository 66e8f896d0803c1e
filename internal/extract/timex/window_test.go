package timex

import (
	"testing"

	"github.com/sitrep-org/sitrep/internal/extract/quantity"
)

// needsMet is the window test canStart made before windowSeen: what rule
// k requires, looked for token by token and rule by rule.
func (m *matcher) needsMet(k, i int) bool {
	st := &gram.starts[k]
	if st.needs != 0 {
		var seen uint16
		for j := i; j < len(m.feats) && j < i+window; j++ {
			seen |= m.feats[j].classes
		}
		return seen&st.needs == st.needs
	}
	if !st.hasWord {
		return true
	}
	for j := i; j < len(m.ids) && j < i+window; j++ {
		if st.needWord.has(m.ids[j]) {
			return true
		}
	}
	return false
}

// TestWindowSeen holds canStart's gathered window to the token-by-token
// test, for every rule at every token of varied texts.
func TestWindowSeen(t *testing.T) {
	texts := []string{
		"On Monday, late Sunday and early on 9 October 2023, three weeks ago, in mid-March 2019 and since 2014.",
		"The attack took place the day before yesterday, last summer, at the end of May, 2020-03-08 and 09/03/2020.",
		"In the year 2019 alone; overnight; this week; during the past two months; by the beginning of next year.",
	}
	for _, text := range texts {
		toks := quantity.Tokenize(text)
		feats, ids := make([]feature, len(toks)), make([]int, len(toks))
		m := matcherInto(toks, feats, ids)
		for i := range toks {
			w := m.seenFrom(i)
			for k := range gram.rules {
				st := &gram.starts[k]
				want := (st.words.has(m.ids[i]) || st.classes&m.feats[i].classes != 0) && m.needsMet(k, i)
				if got := m.canStart(k, i, &w); got != want {
					t.Errorf("rule %s at %q in %q: canStart %v, token by token %v", gram.rules[k].name, toks[i].Text, text, got, want)
				}
			}
		}
	}
}

// TestLookupWord holds the shape test to the word table: every word the
// grammar knows passes it, and any word gets the table's answer.
func TestLookupWord(t *testing.T) {
	for w, want := range gram.words {
		if got, ok := lookupWord(w); !ok || got != want {
			t.Errorf("lookupWord(%q) = %+v, %v; the table has %+v", w, got, ok, want)
		}
	}
	for _, w := range []string{"", "a", "the", "zzzz", "mid-march", "état", "2019", ",", "yesterday's"} {
		want, wok := gram.words[w]
		if got, ok := lookupWord(w); ok != wok || got != want {
			t.Errorf("lookupWord(%q) = %+v, %v; the table has %+v, %v", w, got, ok, want, wok)
		}
	}
}

// TestStartMask holds the start masks to the rule-by-rule test: every
// rule that starts at a token is in the token's mask.
func TestStartMask(t *testing.T) {
	text := "On Monday, late Sunday and early on 9 October 2023, three weeks ago, in mid-March 2019, overnight, the day before yesterday, 2020-03-08, last summer."
	toks := quantity.Tokenize(text)
	feats, ids := make([]feature, len(toks)), make([]int, len(toks))
	m := matcherInto(toks, feats, ids)
	for i := range toks {
		mask := m.startMask(i)
		for k := range gram.rules {
			if m.startsAt(k, i) && mask&(1<<k) == 0 {
				t.Errorf("rule %s starts at %q but is not in its mask", gram.rules[k].name, toks[i].Text)
			}
		}
	}
}
