package gazetteer

// foldBytes marks the ASCII bytes isFoldByte accepts (letters and digits),
// for the tokenizer's byte loop: an index instead of three range tests.
var foldBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isFoldByte(byte(c))
	}
	return t
}()

// isArticle is articles[w] with a length test first: the articles are
// short, and most words are longer.
func isArticle(w string) bool { return len(w) <= maxArticleLen && articles[w] }

// isConnector is connectors[w] likewise.
func isConnector(w string) bool { return len(w) <= maxConnectorLen && connectors[w] }

var maxArticleLen, maxConnectorLen = longest(articles), longest(connectors)

func longest(set map[string]bool) int {
	n := 0
	for w := range set {
		n = max(n, len(w))
	}
	return n
}
