package gazetteer

import (
	"testing"
	"unicode/utf8"
)

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Salah ad-Din", "Deir ez-Zor", "Sāmarrā’", "", "al-", "Ezzor", "ÆØÅ", "\xff\xfe", "Q'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Errorf("Normalize(%q) = %q is not valid UTF-8", s, n)
		}
		if Normalize(s) != n {
			t.Errorf("Normalize(%q) is not deterministic", s)
		}
	})
}

func FuzzFind(f *testing.F) {
	g := loadTest(f)
	for _, s := range []string{
		"Fighting near Mosul, Iraq.", "between Diyala and Salahuddin provinces", "Mr. Trump in Washington",
		"A, B, C", "\u00a0Karbala\u2019s", "x, y", ", ", "Raqqa,", "ANBAR PROVINCE",
		"Borno State House and Yobe", "Kirkuk Governorate Council", "Anbar province Mosul",
		"Penn was quiet. Erie, Penn. said", "CAMP MURRAY, Wash. - A", "Holliday, MO, and Sulpher, La.",
		"Kabul's Dasht-e-Barchi-i-", "Mazar-i-Sharif", "Sar-e Pol-e-", "Rashid Al Hamad bin", "Ahmed al-Sharaa ibn Al",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := -1
		for _, m := range g.Find(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %d-%d %q in %q", m.Start, m.End, m.Text, s)
			}
			if m.Start < last {
				t.Fatalf("mentions not sorted in %q", s)
			}
			last = m.Start
		}
	})
}

func FuzzResolve(f *testing.F) {
	g := loadTest(f)
	f.Add("Mosul", "Fighting near Mosul, Iraq.", 13, 18)
	f.Add("Colorado State University", "x", -4, 2)
	f.Add("al-", "", 0, 0)
	f.Add("Qaryat Zzyzxwq", "Police in Kirkuk, Iraq, said Qaryat Zzyzxwq fell.", 29, 43)
	f.Add("Ohioans", "Ohioans voted.", 0, 7)
	f.Add("Windsor Castle Hotel", "Guards at the Windsor Castle Hotel in Kirkuk.", 14, 34)
	f.Add("Quirinale Esplanade", "On Rome's famous Quirinale Esplanade at dusk.", 17, 36)
	f.Add("Atalissa", "A barn in Atalissa, Iowa burned.", 10, 18)
	f.Fuzz(func(t *testing.T, name, text string, off, end int) {
		m, ok := g.Resolve(name, Context{Text: text, Offset: off, End: end, Countries: []string{"iq"}, Admin1: []string{name}})
		if ok && (m.Precision < 1 || m.Precision > 3) {
			t.Fatalf("Resolve(%q) precision %d", name, m.Precision)
		}
		// with a document's own context: focus, votes and stems come into play
		ctx := g.DocContext(text)
		ctx.Offset, ctx.End = off, end
		if m, ok := g.Resolve(name, ctx); ok && (m.Precision < 1 || m.Precision > 3) {
			t.Fatalf("Resolve(%q) in its document: precision %d", name, m.Precision)
		}
	})
}
