package sqlite

import (
	"testing"

	"github.com/sitrep-org/sitrep/internal/article"
)

var hashCases = []string{"", " ", "one", "  two\twords \n", "a\u00a0b\u2003c\u3000d", "bad \xff utf8 \xc3", "\u0085x\u200by", resignStory}

func TestContentHashMatchesArticle(t *testing.T) {
	for _, text := range hashCases {
		if got, want := contentHash(text), article.Hash(text); got != want {
			t.Errorf("contentHash(%q) = %s, article.Hash %s", text, got, want)
		}
	}
}

func FuzzContentHash(f *testing.F) {
	for _, c := range hashCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := contentHash(text), article.Hash(text); got != want {
			t.Errorf("contentHash(%q) = %s, article.Hash %s", text, got, want)
		}
	})
}
