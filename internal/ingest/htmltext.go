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

// nodeBlocks are the element names, in HTML and in go-trafilatura's
// output tree (head, list, item, quote, lb, row), that start a new line.
var nodeBlocks = map[string]bool{
	"p": true, "div": true, "head": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "summary": true, "list": true, "ul": true, "ol": true, "dl": true, "item": true,
	"li": true, "dd": true, "dt": true, "quote": true, "blockquote": true, "pre": true, "lb": true,
	"br": true, "hr": true, "row": true, "tr": true, "table": true, "section": true, "article": true,
	"figure": true, "figcaption": true, "header": true, "footer": true, "main": true, "aside": true,
}

// nodeText renders an extracted tree as text with one line per block, so
// paragraphs survive into line-by-line cleaning.
func nodeText(n *html.Node) string {
	var b strings.Builder
	writeNode(&b, n)
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = normalizeLine(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func writeNode(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		// Pieces are joined with a space, as go-trafilatura's own text is,
		// so a word ending one element never fuses with the next.
		b.WriteString(" ")
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.Data {
		case "script", "style", "noscript":
			return
		case "cell", "td", "th":
			b.WriteString(" ")
		}
	}
	block := n.Type == html.ElementNode && nodeBlocks[n.Data]
	if block {
		b.WriteString("\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeNode(b, c)
	}
	if block {
		b.WriteString("\n")
	}
}
