package gazetteer

// Person names in reporting from the Arab world, Iran, Afghanistan and the
// Sahel join a given name to a family name with an article ("Ahmed
// al-Sharaa", "Rashid Al Hamad") or a patronymic particle ("Osama bin
// Laden"): the words around them are a person's, not places.

// patronymic are the particles between a person's given name and a
// father's or clan's name ("Osama bin Laden", "Abdullah ibn Saud",
// "Mohamed Ould Ghazouani", "Iyad Ag Ghaly"). After a capitalised word
// they open no place; written first they may ("Bin Jawad").
var patronymic = map[string]bool{"bin": true, "ibn": true, "bint": true, "ould": true, "ag": true}

// familyNameAfter reports a family name after token at: an article joined
// to a capitalised word ("Qais al-Khazali"), al or el written apart before
// one ("Rashid Al Hamad"), or a patronymic particle before one ("Hamza bin
// Laden"). The name that ends at token at is then a person's given name
// or the head of a longer name, not a place by itself.
func familyNameAfter(text string, toks []token, brk []bool, at int) bool {
	j := at + 1
	if j+1 >= len(toks) || brk[j] || brk[j+1] || !toks[j+1].cap {
		return false
	}
	gap, w := text[toks[j].end:toks[j+1].start], toks[j].lower
	if isArticle(w) {
		return gap == "-" || gap == " " && (w == "al" || w == "el")
	}
	return patronymic[w] && gap == " "
}

// nisbaAfterName reports a name written as a nisba, the adjective of
// origin that ends a person's name ("Qutaiba Younis al-Mosuli", "Abu
// Hamza al-Iraqi"): a word ending in -i after a lower-case article joined
// to it by a hyphen, right after a capitalised word that is neither a
// function word nor a "near" word. The nisba says where a person or a
// family comes from, not where anything happened; the name that ends at
// token last (the span of token i on) is no place. Title case ("Al-Ahmadi")
// and names at a preposition ("in al-Ramadi") are not touched.
func (g *Gazetteer) nisbaAfterName(text string, toks []token, brk []bool, i, last int) bool {
	w := toks[last].lower
	if len(w) < 4 || w[len(w)-1] != 'i' {
		return false
	}
	a := i // the article
	if !isArticle(toks[a].lower) {
		a = i - 1
	}
	if a < 1 || a+1 >= len(toks) || !isArticle(toks[a].lower) || toks[a].cap || brk[a] || brk[a+1] ||
		text[toks[a].end:toks[a+1].start] != "-" {
		return false
	}
	p := toks[a-1]
	return p.cap && !g.words.stop[p.lower] && !g.words.near[p.lower] && !openers[p.lower]
}
