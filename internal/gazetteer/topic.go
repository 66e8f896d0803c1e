package gazetteer

// A sports report names teams by their cities ("Portland beat Houston",
// "the game against Louisville"): the names are the famous cities, not
// namesakes in the state the report's other teams come from. The words
// below are those of games and seasons, not of the street; a report
// dense in them reads as sports, and there the region context of the
// other names weighs less against a place's importance.

// sportWords are lower-case words of sports reporting.
var sportWords = map[string]bool{
	"coach": true, "coaches": true, "coached": true, "playoff": true, "playoffs": true,
	"rebounds": true, "assists": true, "inning": true, "innings": true, "homered": true,
	"homer": true, "pitched": true, "pitcher": true, "quarterback": true, "touchdown": true,
	"touchdowns": true, "halftime": true, "overtime": true, "roster": true, "teammate": true,
	"teammates": true, "basketball": true, "football": true, "baseball": true, "soccer": true,
	"hockey": true, "softball": true, "volleyball": true, "ncaa": true, "nba": true, "nfl": true,
	"nhl": true, "mlb": true, "striker": true, "midfielder": true, "goalkeeper": true,
	"rookie": true, "varsity": true, "matchup": true, "kickoff": true, "lineup": true,
	"season": true, "seasons": true, "game": true, "games": true, "league": true,
	"tournament": true, "championship": true,
}

// sportMinWords and sportMinShare are how many sports words, and what
// share of the words, make a report read as sports.
const (
	sportMinWords = 5
	sportMinShare = 0.015
)

// sportCityPop is the population of a city that fields teams other
// cities' reports name.
const sportCityPop = 100000

// sportLen bounds the length of the words in sportWords, so that most
// words are passed over without a look-up.
const sportMinLen, sportMaxLen = 3, 11

// readsAsSport reports whether low (a text with ASCII letters lower-cased)
// is dense in the words of sports reporting.
func readsAsSport(low string) bool {
	words, hits := 0, 0
	for i := 0; i < len(low); {
		c := low[i]
		if c < 'a' || c > 'z' {
			i++
			continue
		}
		j := i + 1
		for j < len(low) && low[j] >= 'a' && low[j] <= 'z' {
			j++
		}
		words++
		if n := j - i; n >= sportMinLen && n <= sportMaxLen && sportWords[low[i:j]] {
			hits++
		}
		i = j
	}
	return hits >= sportMinWords && float64(hits) >= sportMinShare*float64(words)
}

// sportCityRival reports a name that could be a city big enough to field
// teams or a town of the same country: only then does it matter whether
// the document reads as sports.
func (g *Gazetteer) sportCityRival(spans []span) bool {
	for _, sp := range spans {
		if len(sp.cands) < 2 {
			continue
		}
		for _, i := range sp.cands {
			if e := &g.entries[i]; e.level == levelPlace && e.Population >= sportCityPop && g.townRival(sp.cands, i) {
				return true
			}
		}
	}
	return false
}

// townRival reports another town among cands in the country of
// cands[big], and no country: "US" is no team.
func (g *Gazetteer) townRival(cands []int32, big int32) bool {
	cc, rival := g.str(g.entries[big].CountryCode), false
	for _, i := range cands {
		e := &g.entries[i]
		if e.level == levelCountry {
			return false
		}
		rival = rival || i != big && e.level == levelPlace && g.str(e.CountryCode) == cc
	}
	return rival
}
