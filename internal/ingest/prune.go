package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// detachedNode records where a pruned node sat so that restore can put it
// back: its parent and the sibling that followed it.
type detachedNode struct {
	node, parent, next *html.Node
}

// prunedTree is a parsed page with the subtrees go-trafilatura would delete
// anyway taken out. Everything in go-trafilatura walks the whole tree, often
// several times (three clones, the metadata selectors, its cleaning), so a
// smaller tree makes all of it cheaper; on the 181 real pages scripts,
// styles, navigation, footers, asides, forms and comments are about a
// third of the nodes.
//
// A subtree goes only when removing it first cannot change what
// go-trafilatura returns: its element is on go-trafilatura's list of tags it
// deletes with their subtree and tail text, it holds nothing the metadata
// extraction reads (meta, link, title, JSON-LD, h1–h3 and title classes),
// and its tail cannot grow later when go-trafilatura unwraps tags such as
// <small> or <font>. The one exception is its rescue path: when its
// extraction comes up short it takes text from the uncleaned tree, which
// then lacks these parts too (one of the 181 pages, which loses a login
// form). restore undoes it all, so the date search sees the page whole.
type prunedTree struct {
	removed []detachedNode
	added   []*html.Node
}

// pruneTags are go-trafilatura's tags deleted with their subtree (its
// tagsToClean), less head (metadata lives there), link (the canonical URL),
// figure (renamed, not deleted, when it holds a table) and ins (unwrapped
// before the deletion runs).
var pruneTags = tagSet(atom.Aside, atom.Embed, atom.Footer, atom.Form, atom.Iframe, atom.Menu,
	atom.Object, atom.Script, atom.Applet, atom.Audio, atom.Canvas, atom.Map, atom.Picture,
	atom.Svg, atom.Video, atom.Area, atom.Blink, atom.Button, atom.Datalist, atom.Dialog,
	atom.Frame, atom.Frameset, atom.Fieldset, atom.Input, atom.Label, atom.Legend, atom.Marquee,
	atom.Math, atom.Menuitem, atom.Nav, atom.Noscript, atom.Optgroup, atom.Option, atom.Output,
	atom.Param, atom.Progress, atom.Rp, atom.Rt, atom.Rtc, atom.Select, atom.Source, atom.Style,
	atom.Track, atom.Textarea, atom.Time)

// unwrapTags are the tags go-trafilatura replaces by their children (its
// tagsToStrip) before it deletes anything: text after one of them, or after
// the end of one, can become the tail of a deleted element.
var unwrapTags = tagSet(atom.Abbr, atom.Acronym, atom.Address, atom.Bdi, atom.Bdo, atom.Big,
	atom.Cite, atom.Data, atom.Dfn, atom.Font, atom.Hgroup, atom.Img, atom.Ins, atom.Mark,
	atom.Meta, atom.Ruby, atom.Small, atom.Template, atom.Tbody, atom.Tfoot, atom.Thead)

func tagSet(tags ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(tags))
	for _, t := range tags {
		m[t] = true
	}
	return m
}

// pruneForExtraction detaches from doc the subtrees described at
// prunedTree, and the comments, which go-trafilatura drops as well.
func pruneForExtraction(doc *html.Node) *prunedTree {
	t := &prunedTree{}
	t.prune(doc)
	t.addPlaceholders(doc)
	return t
}

// addPlaceholders puts an author, a keyword and an article section in the
// head. go-trafilatura has no option to leave out the author, tags and
// categories, which sitrep does not read, and when the head names none it
// looks for them over the whole page (the author in a clone of it), about
// a seventh of its time. With these it skips the searches; the section
// comes as JSON-LD, its only source, in an object with no name, headline,
// author or publisher, so the title, site name and URL it takes from the
// page's own JSON-LD stay as they were. restore takes them out again.
func (t *prunedTree) addPlaceholders(doc *html.Node) {
	head := childElement(childElement(doc, atom.Html), atom.Head)
	if head == nil {
		return
	}
	for _, name := range []string{"author", "keywords"} {
		t.add(head, &html.Node{Type: html.ElementNode, DataAtom: atom.Meta, Data: "meta", Attr: []html.Attribute{
			{Key: "name", Val: name}, {Key: "content", Val: placeholder},
		}})
	}
	ld := &html.Node{Type: html.ElementNode, DataAtom: atom.Script, Data: "script", Attr: []html.Attribute{
		{Key: "type", Val: "application/ld+json"},
	}}
	ld.AppendChild(&html.Node{Type: html.TextNode, Data: `{"@type":"Article","articleSection":"` + placeholder + `"}`})
	t.add(head, ld)
}

const placeholder = "sitrep placeholder"

func (t *prunedTree) add(parent, n *html.Node) {
	parent.AppendChild(n)
	t.added = append(t.added, n)
}

func childElement(n *html.Node, a atom.Atom) *html.Node {
	if n == nil {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
	}
	return nil
}

func (t *prunedTree) prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			t.detach(c)
		case c.Type != html.ElementNode || keepsSubtree(c):
			// text, or an element whose content metadata reads whole
		case pruneTags[c.DataAtom] && prunable(c):
			next = t.detachWithTail(c)
		default:
			t.prune(c)
		}
		c = next
	}
}

// detachWithTail removes an element and the text that follows it up to the
// next element (comments do not end that tail), as go-trafilatura does, and
// returns the node after them.
func (t *prunedTree) detachWithTail(e *html.Node) *html.Node {
	next := e.NextSibling
	t.detach(e)
	for next != nil && next.Type != html.ElementNode {
		n := next.NextSibling
		if next.Type == html.TextNode || next.Type == html.CommentNode {
			t.detach(next)
		}
		next = n
	}
	return next
}

func (t *prunedTree) detach(n *html.Node) {
	t.removed = append(t.removed, detachedNode{node: n, parent: n.Parent, next: n.NextSibling})
	n.Parent.RemoveChild(n)
}

// restore puts every detached node back where it was, newest first, so the
// tree is the parsed page again.
func (t *prunedTree) restore() {
	for _, n := range t.added {
		n.Parent.RemoveChild(n)
	}
	t.added = t.added[:0]
	for i := len(t.removed) - 1; i >= 0; i-- {
		d := t.removed[i]
		d.parent.InsertBefore(d.node, d.next)
	}
	t.removed = t.removed[:0]
}

// keepsSubtree reports elements pruning must not enter: headings and title
// classes (the title fallback reads their whole text) and figures (one
// holding a table is kept by go-trafilatura, so its content counts).
func keepsSubtree(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.Figure:
		return true
	}
	return titleClass(n)
}

// prunable reports whether e may go before extraction: nothing inside it is
// read by the metadata extraction, and its tail is final.
func prunable(e *html.Node) bool {
	return !holdsMetadata(e) && tailIsFinal(e)
}

// holdsMetadata reports a subtree with anything go-trafilatura's metadata
// extraction reads: meta and link elements, a title, JSON scripts,
// headings h1–h3 and elements with a title class.
func holdsMetadata(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Meta, atom.Link, atom.Title, atom.H1, atom.H2, atom.H3:
		return true
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "json") {
			return true
		}
	}
	if titleClass(n) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if holdsMetadata(c) {
			return true
		}
	}
	return false
}

// titleClass reports the class names go-trafilatura's title selectors
// match on any element.
func titleClass(n *html.Node) bool {
	c := attr(n, "class")
	if !strings.Contains(c, "-title") {
		return false
	}
	switch strings.TrimSpace(c) {
	case "entry-title", "post-title":
		return true
	}
	return false
}

// tailIsFinal reports whether the text after e can only be what follows it
// now: the next element is not one go-trafilatura unwraps, and e is not the
// last element of one.
func tailIsFinal(e *html.Node) bool {
	for s := e.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return !unwrapTags[s.DataAtom]
		}
	}
	return e.Parent == nil || e.Parent.Type != html.ElementNode || !unwrapTags[e.Parent.DataAtom]
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}
