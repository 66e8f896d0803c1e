package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-org/sitrep/internal/article"
)

// verdict is what a test expects for one source line.
type verdict struct {
	Kind   article.LineKind
	Reason string
}

func verdicts(lines []article.Line) map[int]verdict {
	out := map[int]verdict{}
	for _, l := range lines {
		if l.Reason != "blank" {
			out[l.Source] = verdict{l.Kind, l.Reason}
		}
	}
	return out
}

func TestCleanRules(t *testing.T) {
	const body = "Gunmen opened fire on a checkpoint near the river crossing late on Tuesday, wounding three guards, local officials said."
	tests := []struct {
		name string
		page string
		want map[int]verdict
	}{
		{"headline, repeat and ad", "Gunmen strike river checkpoint in the north\nAdvertisement\nGunmen strike river checkpoint in the north\n" + body,
			map[int]verdict{1: {article.KindTitle, "first-heading"}, 2: {article.KindDropped, "advertisement"}, 3: {article.KindDropped, "repeated-headline"}, 4: {article.KindBody, ""}}},
		{"title separator trimmed", "Gunmen strike river checkpoint in the north |\n" + body,
			map[int]verdict{1: {article.KindTitle, "first-heading"}, 2: {article.KindBody, ""}}},
		{"share and qr lines", "QR codeQR code\nShare | Tweet | Email\n" + body,
			map[int]verdict{1: {article.KindDropped, "qr-code"}, 2: {article.KindDropped, "share-buttons"}, 3: {article.KindBody, ""}}},
		{"home page promo in a bullet", body + "\n  • Visit The Daily Courier's home page for more stories.",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindDropped, "home-page-promo"}}},
		{"template debris", body + "\n{{}}\n{% endblock %}",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindDropped, "template-debris"}, 3: {article.KindDropped, "template-debris"}}},
		{"comment block to the end", body + "\nLeave a Reply\nYour email address will not be published.\nA reader wrote something long about the weather and the price of bread in the capital city today.",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindDropped, "comments"}, 3: {article.KindDropped, "comments"}, 4: {article.KindDropped, "comments"}}},
		{"latest block after comments", body + "\nComments\nThe Courier moderates all comments posted here.\nThe Latest\nA different story about a football match that ended in a draw after extra time on Sunday.",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindDropped, "comments"}, 3: {article.KindDropped, "comments"}, 4: {article.KindDropped, "related-stories"}, 5: {article.KindDropped, "related-stories"}}},
		{"tail heading before the body drops only itself", "Latest News\n" + body,
			map[int]verdict{1: {article.KindDropped, "related-stories"}, 2: {article.KindBody, ""}}},
		{"story code and news link", body + "\nStory Code: 99120\nNews Link :",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindDropped, "story-code"}, 3: {article.KindDropped, "news-link"}}},
		{"photo credit with label and caption", "Militia convoy seen crossing the northern desert road\nArmed men\nJane Roe / AFP\nArmed men ride in pickup trucks along a desert road outside the town, May 3, 2021.\nAdvertisement\n" + body,
			map[int]verdict{1: {article.KindTitle, "first-heading"}, 2: {article.KindCaption, "next-to-photo-credit"}, 3: {article.KindDropped, "photo-credit"}, 4: {article.KindCaption, "next-to-photo-credit"}, 5: {article.KindDropped, "advertisement"}, 6: {article.KindBody, ""}}},
		{"body after a credit stays body", "Photo: Reuters\n" + body + "\n" + body + " More.",
			map[int]verdict{1: {article.KindDropped, "photo-credit"}, 2: {article.KindBody, ""}, 3: {article.KindBody, ""}}},
		{"caption with credit suffix", body + "\nSoldiers patrol the market square in the old city. Photo: Defence Ministry",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindCaption, "photo-credit-suffix"}}},
		{"bylines and datelines", "Convoy ambushed on the border highway overnight\n12/04/2023\nBy Sam Carter and Lina Haddad\nMOSUL –\n" + body + "\n(Reporting by Omar Said; Editing by Ann Lee)",
			map[int]verdict{1: {article.KindTitle, "first-heading"}, 2: {article.KindDateline, "date-line"}, 3: {article.KindByline, "byline-by"}, 4: {article.KindDateline, "location-dateline"}, 5: {article.KindBody, ""}, 6: {article.KindByline, "reporting-credit"}}},
		{"reporter name under headline", "Convoy ambushed on the border highway overnight\nNadia Karimi\nNadia Karimi\n" + body,
			map[int]verdict{1: {article.KindTitle, "first-heading"}, 2: {article.KindByline, "name-in-header"}, 3: {article.KindDropped, "repeated-line"}, 4: {article.KindBody, ""}}},
		{"bbc-style caption and source", body + "\nImage source, Getty Images\nImage caption, Police stand guard outside the court building in the capital",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindDropped, "photo-credit"}, 3: {article.KindCaption, "caption-prefix"}}},
		{"timestamps and reading time", "Convoy ambushed on the border highway overnight\nUpdated 3 hours ago\n4 min read\nNadia Karimi | Staff Writer\n" + body,
			map[int]verdict{1: {article.KindTitle, "first-heading"}, 2: {article.KindDropped, "relative-timestamp"}, 3: {article.KindDropped, "reading-time"}, 4: {article.KindByline, "author-role"}, 5: {article.KindBody, ""}}},
		{"syndication, newsletter, site links, gallery", body + "\nRead the original article on Harbour Times\nGet the day's top stories delivered to your inbox.\nPrivacy Policy | Terms of Use\nImage 3 of 12\n(AFP/File)",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindDropped, "source-link"}, 3: {article.KindDropped, "newsletter"}, 4: {article.KindDropped, "site-links"}, 5: {article.KindDropped, "gallery-counter"}, 6: {article.KindDropped, "photo-credit"}}},
		{"copyright footer", body + "\n© 2024 The Courier. All rights reserved.",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindDropped, "copyright"}}},
		{"masthead before the headline", "Middle East Monitor\nConvoy ambushed on the border highway overnight\n" + body,
			map[int]verdict{1: {article.KindDropped, "masthead"}, 2: {article.KindTitle, "first-heading"}, 3: {article.KindBody, ""}}},
		{"short headline with a standfirst stays", "Baghdad market bombed\nA car bomb tore through a busy market in the capital on Friday evening.\n" + body,
			map[int]verdict{1: {article.KindTitle, "first-heading"}, 2: {article.KindBody, ""}, 3: {article.KindBody, ""}}},
		{"sentence first line is not a title", body + "\nA second paragraph follows here.",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindBody, ""}}},
		{"subheading inside the body is kept", body + "\nWhat happened next\n" + body + " Again.",
			map[int]verdict{1: {article.KindBody, ""}, 2: {article.KindBody, ""}, 3: {article.KindBody, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, lines := Clean(tt.page)
			if diff := cmp.Diff(tt.want, verdicts(lines)); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCleanOffsets(t *testing.T) {
	page := "A headline about a clash in the hills\n\nAdvertisement\n  • First point of the story, with a bullet in front of it.\nSecond   paragraph\twith  odd spacing and more words in it to be prose.\n"
	clean, lines := Clean(page)
	want := "A headline about a clash in the hills\n\nFirst point of the story, with a bullet in front of it.\n\nSecond paragraph with odd spacing and more words in it to be prose."
	if clean != want {
		t.Errorf("clean text mismatch (-want +got):\n%s", cmp.Diff(want, clean))
	}
	checkLineInvariants(t, page, clean, lines)
}

// checkLineInvariants: one record per input line, dropped lines have no
// offsets, kept lines point at their own text in order.
func checkLineInvariants(t *testing.T, page, clean string, lines []article.Line) {
	t.Helper()
	n := strings.Count(page, "\n")
	if !strings.HasSuffix(page, "\n") {
		n++
	}
	if len(lines) != n {
		t.Fatalf("got %d line records for %d input lines", len(lines), n)
	}
	prevEnd := 0
	for i, l := range lines {
		if l.Source != i+1 {
			t.Fatalf("line %d has source %d", i+1, l.Source)
		}
		if l.Kind == article.KindDropped {
			if l.Start != -1 || l.End != -1 {
				t.Fatalf("dropped line %d has offsets %d-%d", l.Source, l.Start, l.End)
			}
			continue
		}
		if l.Start < prevEnd || l.End < l.Start || l.End > len(clean) {
			t.Fatalf("line %d offsets %d-%d out of order (prev end %d, len %d)", l.Source, l.Start, l.End, prevEnd, len(clean))
		}
		if strings.TrimSpace(clean[l.Start:l.End]) == "" {
			t.Fatalf("kept line %d is empty in clean text", l.Source)
		}
		prevEnd = l.End
	}
	if !utf8.ValidString(clean) {
		t.Fatal("clean text is not valid UTF-8")
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", "\n\n", "Title of a page about things\nAdvertisement\nBody text that is long enough to count as prose in this test.\n",
		"{{}}\n{{x}}", "Photo: AFP\nA caption, June 1, 2020.\nComments\nmore", "09-03-2020\nBy Someone\n\xff\xfe",
		"  • Visit X's home page for more stories.", "A+ A-\nQR code",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		if !utf8.ValidString(page) {
			page = strings.ToValidUTF8(page, "?")
		}
		page = strings.ReplaceAll(page, "\r", "")
		clean, lines := Clean(page)
		if page == "" {
			return
		}
		checkLineInvariants(t, page, clean, lines)
	})
}
