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
