package eventtype

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// The rule language, one statement a line (a line starting with '#' is a
// comment):
//
//	option NAME VALUE                 min_score, later_sentence, gap, before_window,
//	                                  background_sentence, hypothetical_sentence,
//	                                  subordinate_clause, overlap
//	lemma LEMMA: form | form          irregular forms ("lemma shoot: shot")
//	group NAME: pattern | pattern     a named cue set, for conditions and patterns
//	cue LABEL WEIGHT: pattern | ...   any pattern found adds WEIGHT to LABEL once
//	when LABEL WEIGHT: cond & cond    all conditions hold: add WEIGHT to LABEL
//	prefer WINNER > LOSER [min N]     WINNER scored N (default 3) and LOSER
//	                                  scored: LOSER is dropped
//
// A pattern is a sequence of words, each stemmed like the text:
//
//	word     the word in any inflection ("killed" meets "kills")
//	=word    that exact form only ("=accord" is not "according")
//	_word    the word when not capitalised inside a sentence ("_march" is
//	         not the month, "_liberation" not part of a name)
//	word*    any word starting with word, unstemmed
//	!word    the next word is not word; consumes nothing ("riot !police")
//	@group   any pattern of a group defined above
//	..  ..N  skip up to the gap option's number of words, or up to N
//	#  #year a number; a year from 1900 to 2099
//	#name    a word capitalised inside a sentence, likely part of a name
//	         ("recaptured #name" meets "recaptured Palmyra")
//
// A condition is "@group", "LABEL" (the label's cues fired), either negated
// with "!", or "@a < @b": a match of a ends before one of b starts, in the
// same sentence and at most before_window words apart ("@a <4 @b": at most
// 4 words apart). A condition written "^@a", "^@a < @b" or "^LABEL" holds
// only in the lede (the first sentence, after any dateline), which carries
// a snippet's event: "^LABEL" when one of the label's cues is there.
//
// Three group names are special. In a sentence where a "background" pattern
// matches ("last year", "in #year") cues count only background_sentence as
// much: history and statistics, not news. Likewise "hypothetical" ("could",
// "threatened to") and hypothetical_sentence: threats and plans. After a
// "subordinate" pattern ("after", "amid"), to the end of its clause, cues
// count only subordinate_clause as much: context, not the event.

type elemKind uint8

const (
	elemWord elemKind = iota
	elemPrefix
	elemGap
	elemNumber
	elemExact // the lower-cased word itself, unstemmed
	elemNot   // zero-width: the next word (if any) is not this stem
	elemGroup // any pattern of an earlier group
	elemYear  // a number from 1900 to 2099
	elemName  // a word capitalised inside a sentence: likely part of a name
)

type elem struct {
	kind  elemKind
	s     string
	n     int   // gap length, or group index
	lower bool  // the word must not be capitalised inside a sentence
	id    int32 // s's number in ruleSet.ids (a word, exact word or not-stem)
}

type pattern struct {
	elems []elem
	src   string
	set   int    // index of the cue set it belongs to
	rule  string // how a cue from it is explained
	// next is the pattern's second word when its first takes exactly one
	// token: a cheap test that rejects most candidates before matchFrom.
	next    elem
	hasNext bool
}

// cueSet is a group or a cue line: a set of patterns, with a label and a
// weight when it is a cue line.
type cueSet struct {
	name   string // group name, or LABEL/src for a cue line
	label  int    // -1 for a group
	weight float64
	line   int
	src    string
}

type cond struct {
	neg    bool
	set    int  // cue set index, or -1
	label  int  // label index when set == -1
	before int  // second set of an "a < b" condition, or -1
	window int  // word distance allowed in an "a < b" condition
	lede   bool // the group condition must hold in the first sentence
}

type combo struct {
	label  int
	weight float64
	conds  []cond
	need   []int // cue sets that must have hits for the conditions to hold
	line   int
	src    string
	rule   string
}

type preference struct {
	winner, loser int
	min           float64
	line          int
	rule          string
}

type options struct {
	minScore     float64
	laterFactor  float64
	gap          int
	beforeWindow int
	modeFactor   [numModes]float64
	subFactor    float64
	overlap      float64 // how much a cue counts when a heavier cue of its label covers the same words
}

// Sentence modes: a sentence where the mode's group matches is not news of
// a concrete event, and its cues count only the mode's factor as much.
const (
	modeBackground   = iota // history, statistics: group "background"
	modeHypothetical        // threats, plans, conditionals: group "hypothetical"
	numModes
)

// modeName is the group name that marks sentence mode m.
func modeName(m int) string {
	return [numModes]string{"background", "hypothetical"}[m]
}

// ruleSet is the compiled rules file.
type ruleSet struct {
	labels       []string
	labelIdx     map[string]int
	sets         []cueSet
	setIdx       map[string]int
	patterns     []pattern
	byFirst      map[string][]int // first element's stem -> patterns
	byWord       map[string][]int // first element's exact word -> patterns
	setPatterns  map[int][]int    // cue set -> its patterns
	setIndex     []firstIndex     // cue set -> its patterns by first word
	prefixed     []int            // patterns whose first element is a prefix
	prefixedBy   [256][]int       // prefixed, less those that cannot start at a word with this first byte
	ids          map[string]int32 // every word and stem a pattern names -> its number
	idKeys       keyFilter        // every key of ids
	firstByID    [][]int          // byFirst by the stem's number
	wordByID     [][]int          // byWord by the word's number
	stemSets     [][]setList      // setIndex's byStem by the stem's number
	wordSets     [][]setList      // setIndex's byWord by the word's number
	cueOrder     []int            // cue sets in the order they are scored
	cuePos       []int            // cue set -> its place in cueOrder
	combosBy     [][]int          // cue set -> the combos that need it first
	combosAlways []int            // the combos that need no set
	prefsBy      [][]int          // label -> the preferences it loses
	combos       []combo
	prefs        []preference
	lemmas       map[string]string
	lemmaKeys    keyFilter // every key of lemmas
	vocab        map[string]string
	opts         options
	modeSet      [numModes]int // each sentence mode's group, or -1
	subSet       int           // the "subordinate" group, or -1
	file         string
	curLineNum   int
}

func newRuleSet(file string, labels []string) *ruleSet {
	rs := &ruleSet{
		labels:      labels,
		labelIdx:    make(map[string]int, len(labels)),
		setIdx:      map[string]int{},
		byFirst:     map[string][]int{},
		byWord:      map[string][]int{},
		setPatterns: map[int][]int{},
		lemmas:      map[string]string{},
		vocab:       map[string]string{},
		opts:        options{minScore: 1, laterFactor: 0.75, gap: 3, beforeWindow: 12, modeFactor: [numModes]float64{0.5, 0.5}, subFactor: 1, overlap: 1},
		modeSet:     [numModes]int{-1, -1},
		subSet:      -1,
		file:        file,
	}
	for i, l := range labels {
		rs.labelIdx[l] = i
	}
	return rs
}

// parseRules compiles the rules text; errors name the file and line.
func parseRules(file, text string, labels []string) (*ruleSet, error) {
	rs := newRuleSet(file, labels)
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		rs.curLineNum++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if err := rs.parseLine(line); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, rs.curLineNum, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	rs.describe()
	return rs, nil
}

func (rs *ruleSet) parseLine(line string) error {
	kw, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	switch kw {
	case "option":
		return rs.parseOption(rest)
	case "lemma":
		head, body, ok := strings.Cut(rest, ":")
		if !ok {
			return fmt.Errorf("lemma: missing ':'")
		}
		l := rs.stemKey(strings.TrimSpace(head))
		for _, f := range strings.Split(body, "|") {
			if f = strings.TrimSpace(strings.ToLower(f)); f != "" {
				rs.lemmas[f] = l
				rs.lemmaKeys.add(f)
			}
		}
		return nil
	case "group", "cue":
		return rs.parseSet(kw, rest)
	case "when":
		return rs.parseWhen(rest)
	case "prefer":
		return rs.parsePrefer(rest)
	}
	return fmt.Errorf("unknown statement %q", kw)
}

func (rs *ruleSet) parseOption(rest string) error {
	f := strings.Fields(rest)
	if len(f) != 2 {
		return fmt.Errorf("option: want NAME VALUE")
	}
	v, err := strconv.ParseFloat(f[1], 64)
	if err != nil {
		return fmt.Errorf("option %s: %w", f[0], err)
	}
	switch f[0] {
	case "min_score":
		rs.opts.minScore = v
	case "later_sentence":
		rs.opts.laterFactor = v
	case "gap":
		rs.opts.gap = int(v)
	case "before_window":
		rs.opts.beforeWindow = int(v)
	case "background_sentence":
		rs.opts.modeFactor[modeBackground] = v
	case "hypothetical_sentence":
		rs.opts.modeFactor[modeHypothetical] = v
	case "subordinate_clause":
		rs.opts.subFactor = v
	case "overlap":
		rs.opts.overlap = v
	default:
		return fmt.Errorf("unknown option %q", f[0])
	}
	return nil
}

// parseHead splits "LABEL WEIGHT: body" into its label index, weight and body.
func (rs *ruleSet) parseHead(rest string) (label int, weight float64, body string, err error) {
	head, body, ok := strings.Cut(rest, ":")
	if !ok {
		return 0, 0, "", fmt.Errorf("missing ':'")
	}
	f := strings.Fields(head)
	if len(f) != 2 {
		return 0, 0, "", fmt.Errorf("want LABEL WEIGHT before ':', got %q", head)
	}
	label, ok = rs.labelIdx[f[0]]
	if !ok {
		return 0, 0, "", fmt.Errorf("unknown label %q", f[0])
	}
	weight, err = strconv.ParseFloat(f[1], 64)
	if err != nil {
		return 0, 0, "", fmt.Errorf("weight %q: %w", f[1], err)
	}
	return label, weight, body, nil
}

func (rs *ruleSet) parseSet(kw, rest string) error {
	set := cueSet{label: -1, line: rs.curLineNum}
	var body string
	if kw == "group" {
		name, b, ok := strings.Cut(rest, ":")
		if !ok {
			return fmt.Errorf("group: missing ':'")
		}
		set.name, body = strings.TrimSpace(name), b
		if _, dup := rs.setIdx[set.name]; dup {
			return fmt.Errorf("group %q defined twice", set.name)
		}
	} else {
		var err error
		if set.label, set.weight, body, err = rs.parseHead(rest); err != nil {
			return fmt.Errorf("cue: %w", err)
		}
		set.name = fmt.Sprintf("%s@%d", rs.labels[set.label], rs.curLineNum)
	}
	set.src = strings.TrimSpace(body)
	idx := len(rs.sets)
	rs.sets = append(rs.sets, set)
	if kw == "group" {
		rs.setIdx[set.name] = idx
		for m := range numModes {
			if set.name == modeName(m) {
				rs.modeSet[m] = idx
			}
		}
		if set.name == "subordinate" {
			rs.subSet = idx
		}
	}
	for _, alt := range strings.Split(body, "|") {
		if err := rs.addPattern(idx, strings.TrimSpace(alt)); err != nil {
			return err
		}
	}
	return nil
}

func (rs *ruleSet) parseWhen(rest string) error {
	label, weight, body, err := rs.parseHead(rest)
	if err != nil {
		return fmt.Errorf("when: %w", err)
	}
	c := combo{label: label, weight: weight, line: rs.curLineNum, src: strings.TrimSpace(body)}
	for _, part := range strings.Split(body, "&") {
		cd, err := rs.parseCond(strings.TrimSpace(part))
		if err != nil {
			return fmt.Errorf("when: %w", err)
		}
		c.conds = append(c.conds, cd)
	}
	for _, cd := range c.conds {
		if cd.set >= 0 && !cd.neg {
			c.need = append(c.need, cd.set)
			if cd.before >= 0 {
				c.need = append(c.need, cd.before)
			}
		}
	}
	rs.combos = append(rs.combos, c)
	return nil
}

func (rs *ruleSet) parseCond(s string) (cond, error) {
	cd := cond{set: -1, label: -1, before: -1, window: rs.opts.beforeWindow}
	if strings.HasPrefix(s, "!") {
		cd.neg = true
		s = strings.TrimSpace(s[1:])
	}
	if strings.HasPrefix(s, "^") {
		cd.lede = true
		s = strings.TrimSpace(s[1:])
	}
	if a, b, ok := strings.Cut(s, "<"); ok {
		if n, rest, _ := strings.Cut(b, " "); n != "" {
			if w, err := strconv.Atoi(n); err == nil {
				cd.window, b = w, rest
			}
		}
		ai, aok := rs.setIdx[strings.TrimPrefix(strings.TrimSpace(a), "@")]
		bi, bok := rs.setIdx[strings.TrimPrefix(strings.TrimSpace(b), "@")]
		if !aok || !bok {
			return cd, fmt.Errorf("condition %q: unknown group", s)
		}
		cd.set, cd.before = ai, bi
		return cd, nil
	}
	if strings.HasPrefix(s, "@") {
		i, ok := rs.setIdx[s[1:]]
		if !ok {
			return cd, fmt.Errorf("condition %q: unknown group", s)
		}
		cd.set = i
		return cd, nil
	}
	i, ok := rs.labelIdx[s]
	if !ok {
		return cd, fmt.Errorf("condition %q: unknown label or group (groups start with @)", s)
	}
	cd.label = i
	return cd, nil
}

func (rs *ruleSet) parsePrefer(rest string) error {
	a, b, ok := strings.Cut(rest, ">")
	if !ok {
		return fmt.Errorf("prefer: want WINNER > LOSER [min N]")
	}
	minScore := 3.0
	if i := strings.Index(b, " min "); i >= 0 {
		v, err := strconv.ParseFloat(strings.TrimSpace(b[i+5:]), 64)
		if err != nil {
			return fmt.Errorf("prefer %q: min: %w", rest, err)
		}
		minScore, b = v, b[:i]
	}
	w, wok := rs.labelIdx[strings.TrimSpace(a)]
	l, lok := rs.labelIdx[strings.TrimSpace(b)]
	if !wok || !lok || w == l {
		return fmt.Errorf("prefer %q: unknown or equal labels", rest)
	}
	rs.prefs = append(rs.prefs, preference{winner: w, loser: l, min: minScore, line: rs.curLineNum})
	return nil
}
