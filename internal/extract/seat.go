package extract

import "github.com/sitrep-org/sitrep/internal/gazetteer"

// seatNamer is a PlaceFinder that knows seats of government (the
// gazetteer).
type seatNamer interface {
	Seat(name string) bool
}

// locatives are the words before a seat of government that make it the
// place where something happened ("a drone hit the roof of the Kremlin",
// "protesters gathered outside the White House").
var locatives = map[string]bool{
	"in": true, "at": true, "on": true, "near": true, "outside": true, "inside": true,
	"into": true, "toward": true, "towards": true, "around": true, "against": true,
}

// seatMetonym reports a seat of government that stands for its government
// ("the Kremlin denied", "White House officials"): no locative word before
// it, past an optional "the".
func (d *doc) seatMetonym(m gazetteer.Mention) bool {
	sn, ok := d.r.Places.(seatNamer)
	if !ok {
		return false
	}
	i, _ := d.wordsIn(m.Start, m.Start+1)
	if i > 0 && d.words[i-1].lower == "the" {
		i--
	}
	if i > 0 && locatives[d.words[i-1].lower] {
		return false // settled without the gazetteer's look-up: most places follow "in"
	}
	name := m.Text
	if rest, ok := lowerCut(name, "the "); ok {
		name = rest
	}
	return sn.Seat(name)
}
