package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRepoRoot(t *testing.T) {
	root := RepoRoot(t)
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Errorf("RepoRoot = %s, which has no go.mod: %v", root, err)
	}
}

func TestDirSkipsWhenAbsent(t *testing.T) {
	var skipped bool
	t.Run("absent", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Dir(t, "no-such-folder-in-shared")
		t.Error("Dir returned for a missing folder instead of skipping")
	})
	if !skipped {
		t.Error("Dir did not skip for a missing folder")
	}
}

func TestFind(t *testing.T) {
	if p, ok := Find("no-such-folder-in-shared"); ok {
		t.Errorf("Find reported a missing folder as present: %s", p)
	}
}

func TestTexts(t *testing.T) {
	texts, n := Texts(t, "seeds", "*.txt")
	total := 0
	for _, s := range texts {
		total += len(s)
	}
	if len(texts) == 0 || total != n {
		t.Errorf("Texts: %d texts, %d bytes reported, %d read", len(texts), n, total)
	}
}
