package gazetteer

import "github.com/sitrep-org/sitrep/internal/textfold"

// FindLower is Find for a caller that has lower-cased the text already:
// lower must be text with its ASCII letters lower-cased and every other
// byte kept (textfold.ASCIILower). A lower of another length is ignored.
func (g *Gazetteer) FindLower(text, lower string) []Mention {
	if len(lower) != len(text) {
		lower = textfold.ASCIILower(text)
	}
	return g.find(text, lower)
}
