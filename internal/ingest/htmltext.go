package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// fragmentText turns an HTML fragment (a feed item's body) into text with
// one line per block, skipping scripts and styles. Text without markup
// passes through with its entities decoded.
func fragmentText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return fragment
	}
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.TextToken:
			if skip == 0 {
				b.WriteString(strings.Join(strings.Fields(string(z.Text())), " ") + spaceIfTrailing(z.Raw()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Script || a == atom.Style || a == atom.Noscript {
				skip++
			}
			if blockTags[a] {
				b.WriteString("\n")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if (a == atom.Script || a == atom.Style || a == atom.Noscript) && skip > 0 {
				skip--
			}
			if blockTags[a] {
				b.WriteString("\n")
			}
		}
	}
}

func spaceIfTrailing(raw []byte) string {
	if n := len(raw); n > 0 && (raw[n-1] == ' ' || raw[n-1] == '\n' || raw[n-1] == '\t') {
		return " "
	}
	return ""
}

var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true,
	atom.Tr: true, atom.Section: true, atom.Article: true, atom.Figcaption: true,
	atom.Figure: true, atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Pre: true, atom.Hr: true,
}
