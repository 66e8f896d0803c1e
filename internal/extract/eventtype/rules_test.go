package eventtype

import (
	"fmt"
	"strings"
	"testing"
)

// miniRules exercises each feature of the rule language on its own.
const miniRules = `
# a comment; the '#' of "#year" below is not one
option min_score 1
option later_sentence 0.5
option background_sentence 0.5
option subordinate_clause 0.5
lemma strike: struck
group background: in #year
group subordinate: after
group actor: rebels | militia
group place: town | village
group take: seized .. @place
cue AIR_STRIKE 3: air strike | jets struck
cue ARMED_CLASH 2: fought | clash
cue VIOL_DEMONSTR 3: riot !police
cue PEACE_PROTEST 2: _march
cue AGREEMENT 2: =accord
cue REM_EXPLOS 2: # bombs
when NON_STATE_ACTOR_OVERTAKES_TER 4: @actor <2 @take
when ARMED_CLASH -1: @actor & !@take
prefer AIR_STRIKE > ARMED_CLASH min 3
`

func TestRuleLanguage(t *testing.T) {
	c, err := newFromText("mini.txt", miniRules)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, want string
		score            float64
	}{
		{"lemma and phrase", "Jets struck the depot.", "AIR_STRIKE", 3},
		{"stemmed word", "They were fighting and clashed.", "ARMED_CLASH", 2},
		{"later sentence counts half", "Nothing here. They clashed.", "ARMED_CLASH", 1},
		{"background sentence", "Nothing here. In 2014 they clashed.", "", 0},
		{"subordinate clause counts half", "It was calm after the clash.", "ARMED_CLASH", 1},
		{"lookahead blocks", "Riot police stood by.", "", 0},
		{"lookahead passes", "A riot broke out.", "VIOL_DEMONSTR", 3},
		{"lowercase only", "Talks resumed in March.", "", 0},
		{"lowercase at sentence start", "March on the capital.", "PEACE_PROTEST", 2},
		{"exact form", "According to police.", "", 0},
		{"exact form matches", "The accord holds.", "AGREEMENT", 2},
		{"number", "Police found 3 bombs.", "REM_EXPLOS", 2},
		{"ordered group with nested group", "Rebels seized the town.", "NON_STATE_ACTOR_OVERTAKES_TER", 4},
		{"order matters", "The town seized rebels.", "", 0},
		{"negative combination", "Rebels fought on.", "ARMED_CLASH", 1},
		{"preference drops loser", "An air strike hit the town as rebels fought.", "AIR_STRIKE", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Classify(tc.text)
			if got.Code != tc.want || got.Score != tc.score {
				t.Errorf("Classify(%q) = %s %.2f, want %s %.2f;%s", tc.text, got.Code, got.Score, tc.want, tc.score, describeCues(got.Cues))
			}
		})
	}
	r := c.Rank("An air strike hit the town as rebels fought.")
	if len(r) != 1 {
		t.Errorf("Rank kept %d labels, want the loser dropped: %+v", len(r), r)
	}
	var noted bool
	for _, cue := range r[0].Cues {
		noted = noted || strings.Contains(cue.Rule, "mini.txt:21 prefer AIR_STRIKE > ARMED_CLASH")
	}
	if !noted {
		t.Errorf("the preference is not explained:%s", describeCues(r[0].Cues))
	}
}

func TestBackgroundAndNonEvents(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct {
		name, text string
		background bool
	}{
		{"history", "In 2014 the militants seized vast areas of the north.", true},
		{"statistics", "A total of 310 attacks were recorded last year, killing 900 people.", true},
		{"anniversary", "Survivors marked the anniversary of the massacre at the memorial.", true},
		{"new event", "Gunmen attacked a checkpoint on Monday, killing two soldiers.", false},
		{"new event with history after", "Gunmen attacked a checkpoint on Monday. In 2016 the same post was overrun.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(tc.text)
			if r.Code == "" {
				t.Fatalf("Classify(%q): nothing fired", tc.text)
			}
			if r.Background != tc.background {
				t.Errorf("Classify(%q) = %s, Background %v, want %v;%s", tc.text, r.Code, r.Background, tc.background, describeCues(r.Cues))
			}
		})
	}
	for _, text := range []string{
		"The minister said the government remains committed to dialogue with all parties.",
		"Analysts say the group could try to regain strength if pressure eases.",
		"Heavy snowfall closed mountain passes and cut power to several villages.",
		"The central bank raised interest rates for the third time this year.",
	} {
		if r := c.Classify(text); IsACLED(r.Code) {
			t.Errorf("Classify(%q) = %s (%.1f), want no ACLED event;%s", text, r.Code, r.Score, describeCues(r.Cues))
		}
	}
}

// TestFigurativeIsNotViolence: sport, business and politics borrow the
// words of war; alone they must not make a violent event.
func TestFigurativeIsNotViolence(t *testing.T) {
	c := newTestClassifier(t)
	for _, text := range []string{
		"The striker fired a shot past the keeper in the 89th minute.",
		"Shares of the bank crashed after the earnings report.",
		"The senator attacked the proposal in a fiery speech.",
		"Fans clashed online over the referee's decision.",
		"The bill was killed in committee on Tuesday.",
		"The team won the final in a penalty shootout.",
		"Critics blasted the film as a disappointment.",
		"Opposition parties clashed over the budget in parliament.",
		"The coach said his side would fight for every point.",
		"Prices exploded after the drought.",
		"The minister fired his chief of staff.",
		"Police said the missing hiker was found alive after three days.",
		"The army chief visited troops stationed on the border.",
		"The airline suspended flights to the region because of the conflict.",
	} {
		if r := c.Classify(text); IsViolent(r.Code) {
			t.Errorf("Classify(%q) = %s (%.1f), a violent type;%s", text, r.Code, r.Score, describeCues(r.Cues))
		}
	}
}

func TestHypothetical(t *testing.T) {
	c := newTestClassifier(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The militia threatened to attack any convoy that uses the mountain road.", true},
		{"Officials warned that the rebels could shell the city again if talks fail.", true},
		{"A bomb exploded at the market on Friday, killing three.", false},
		{"Gunmen opened fire on a bus on Sunday. The group has threatened to strike again.", false},
		{"Militants warned residents to leave the district before an offensive.", true},
		{"The government says it will hold talks with the rebels next month.", true},
	} {
		// A hypothetical may also weigh too little to make any label.
		r := c.Classify(tc.text)
		ok := r.Code != "" && !r.Hypothetical
		if tc.want {
			ok = r.Code == "" || r.Hypothetical
		}
		if !ok {
			t.Errorf("Classify(%q) = %q, Hypothetical %v, want hypothetical %v;%s", tc.text, r.Code, r.Hypothetical, tc.want, describeCues(r.Cues))
		}
	}
}

func TestBestIgnoresMinimum(t *testing.T) {
	c := newTestClassifier(t)
	text := "The senator attacked the proposal in a fiery speech."
	if r := c.Classify(text); r.Code != "" {
		t.Fatalf("Classify(%q) = %s, want nothing above the minimum score", text, r.Code)
	}
	if r := c.Best(text); r.Code == "" || len(r.Cues) == 0 {
		t.Errorf("Best(%q) = %+v, want the weak label with its cues", text, r)
	}
	if r := c.Best("The weather will be mild on Tuesday."); r.Code != "" {
		t.Errorf("Best with no cue = %s, want nothing", r.Code)
	}
}

// TestConcurrentClassify: one Classifier shared by goroutines gives each
// the same answers as alone (run with -race).
func TestConcurrentClassify(t *testing.T) {
	c := newTestClassifier(t)
	want := make([]Result, len(classifyCases))
	for i, tc := range classifyCases {
		want[i] = c.Classify(tc.text)
	}
	done := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func(g int) {
			for k := range classifyCases {
				i := (k + g*7) % len(classifyCases)
				got := c.Classify(classifyCases[i].text)
				if got.Code != want[i].Code || got.Score != want[i].Score || len(got.Cues) != len(want[i].Cues) {
					done <- fmt.Errorf("goroutine %d, %q: got %s %.2f, want %s %.2f", g, classifyCases[i].text, got.Code, got.Score, want[i].Code, want[i].Score)
					return
				}
			}
			done <- nil
		}(g)
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestNameElement checks #name: a word capitalised inside a sentence, not
// the sentence's first word and not a lower-case word.
func TestNameElement(t *testing.T) {
	c, err := newFromText("name.txt", "option min_score 1\ncue GOV_REGAINS_TERIT 3: recaptured #name !troops\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"The army recaptured Palmyra on Sunday.", "GOV_REGAINS_TERIT"},
		{"The army recaptured the town on Sunday.", ""},
		{"The army recaptured Syrian troops on Sunday.", ""},
		{"Recaptured towns were looted.", ""},
	} {
		if got := c.Classify(tc.text); got.Code != tc.want {
			t.Errorf("Classify(%q) = %q, want %q", tc.text, got.Code, tc.want)
		}
	}
}

// TestLedeCondition checks "^@group": the condition holds only when the
// group matches in the first sentence.
func TestLedeCondition(t *testing.T) {
	c, err := newFromText("lede.txt", "option min_score 1\noption later_sentence 1\ngroup protest: marched\ngroup why: to denounce\nwhen PEACE_PROTEST 3: ^@protest <3 @why\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Hundreds marched to denounce the bombing.", "PEACE_PROTEST"},
		{"A bomb went off near the market on Monday. Hundreds marched to denounce the bombing.", ""},
	} {
		if got := c.Classify(tc.text); got.Code != tc.want {
			t.Errorf("Classify(%q) = %q, want %q", tc.text, got.Code, tc.want)
		}
	}
}

// TestLedeSkipsDateline checks that a short first sentence (a dateline)
// does not count as the lede: the next sentence does.
func TestLedeSkipsDateline(t *testing.T) {
	c, err := newFromText("lede.txt", "option min_score 1\ngroup protest: marched\nwhen PEACE_PROTEST 3: ^@protest\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Classify("Nairobi (AP). Hundreds of teachers marched to parliament on Monday."); got.Code != "PEACE_PROTEST" {
		t.Errorf("after a dateline: got %q, want PEACE_PROTEST", got.Code)
	}
	if got := c.Classify("Talks resumed in the capital on Monday morning. Hundreds of teachers marched to parliament."); got.Code != "" {
		t.Errorf("past the lede: got %q, want none", got.Code)
	}
}

// TestLedeLabel checks "^LABEL": the label has a cue in the lede.
func TestLedeLabel(t *testing.T) {
	c, err := newFromText("lede.txt", "option min_score 1\noption later_sentence 1\ncue ATTRIB 3: claimed responsibility\ncue REM_EXPLOS 2: car bomb\nwhen ATTRIB -2: ATTRIB & !^ATTRIB\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"The group claimed responsibility for the car bomb on Friday.", "ATTRIB"},
		{"A car bomb went off in the city centre on Friday. The group claimed responsibility.", "REM_EXPLOS"},
	} {
		if got := c.Classify(tc.text); got.Code != tc.want {
			t.Errorf("Classify(%q) = %q, want %q", tc.text, got.Code, tc.want)
		}
	}
}

// TestOverlapOption checks option overlap: a lighter cue over words a
// heavier cue of the same label has counted adds only overlap times its
// weight, and another, uncovered hit of it is taken instead when there is
// one.
func TestOverlapOption(t *testing.T) {
	const rules = "option min_score 1\noption later_sentence 0.5\ncue AIR_STRIKE 5: air strike\ncue AIR_STRIKE 2: strike\ncue AIR_STRIKE 1: killed\n"
	for _, tc := range []struct {
		overlap, text string
		want          float64
	}{
		{"1", "An air strike killed five people.", 8},
		{"0", "An air strike killed five people.", 6},
		{"0.5", "An air strike killed five people.", 7},
		{"0", "An air strike hit the town on Monday. A second strike followed an hour later.", 6},
	} {
		c, err := newFromText("overlap.txt", "option overlap "+tc.overlap+"\n"+rules)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Classify(tc.text); got.Code != "AIR_STRIKE" || got.Score != tc.want {
			t.Errorf("overlap %s: Classify(%q) = %s %.2f, want AIR_STRIKE %.2f", tc.overlap, tc.text, got.Code, got.Score, tc.want)
		}
	}
}
