package eventtype

import (
	"fmt"
	"testing"
)

func TestKeyFilterHasNoFalseNegatives(t *testing.T) {
	var f keyFilter
	var keys []string
	for i := range 2000 {
		keys = append(keys, fmt.Sprintf("w%dx%c", i, 'a'+i%26))
	}
	keys = append(keys, "", "a", "kill", "killed", "\u00e9t\u00e9")
	for _, k := range keys {
		f.add(k)
	}
	for _, k := range keys {
		if !f.mayHave(k) {
			t.Errorf("mayHave(%q) = false after add", k)
		}
	}
}
