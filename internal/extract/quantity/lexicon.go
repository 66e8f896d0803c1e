package quantity

// Casualty kinds. A joint count ("killing and arresting more than 50") gets
// both kinds joined by "_or_" in this order, e.g. "killed_or_arrested".
const (
	Killed   = "killed"
	Wounded  = "wounded"
	Abducted = "abducted"
	Arrested = "arrested"
)

// kindOrder fixes the order of kinds in a joint kind.
var kindOrder = []string{Killed, Wounded, Abducted, Arrested}

// trigger describes a casualty word and how it takes its count.
type trigger struct {
	kind string
	// passive: the count comes before it ("five soldiers were killed",
	// "ten dead", "three bodies").
	passive bool
	// active: the count is its object ("killed five soldiers", "killing 5").
	active bool
	// ofNoun: the count follows "of" ("the deaths of two", "the martyrdom of").
	ofNoun bool
	// head: the word itself is the counted noun ("12 bodies", "4 hostages").
	head bool
	// toll: the figure follows a verb of reaching ("the death toll rose to 31").
	toll bool
	// follow, when set, lists the words one of which must come next for the
	// trigger to count: "gunned down", "shot dead", "lost their lives".
	follow [][]string
}

// injuryPhrases complete "suffered", "sustained" and "received".
var injuryPhrases = [][]string{{"injuries"}, {"wounds"}, {"injury"},
	{"serious", "injuries"}, {"minor", "injuries"}, {"critical", "injuries"},
	{"severe", "injuries"}, {"gunshot", "wounds"}, {"shrapnel", "wounds"},
	{"burns"}, {"light", "injuries"}, {"slight", "injuries"}}

// tollVerbs may stand between "toll" and its figure.
var tollVerbs = set("rose", "risen", "rises", "climbed", "jumped", "increased",
	"reached", "hit", "stood", "stands", "stand", "at", "to", "has", "had",
	"have", "is", "was", "now", "of", "the", "risen", "climbs", "grew", "went",
	"up", "already", "officially", "crosses", "crossed", "exceeds", "exceeded",
	"tops", "topped", "passes", "passed", "surpassed", "nears", "neared",
	"reaches", "climbing", "rising", "stood", "rises")

// triggers is the casualty vocabulary. Ambiguous words are left out on
// purpose: "casualties" mixes the dead and wounded, "victims" and "lost" do
// not say how.
var triggers = map[string]trigger{
	"killed":       {kind: Killed, passive: true, active: true},
	"gunned":       {kind: Killed, passive: true, active: true, follow: [][]string{{"down"}}},
	"shot":         {kind: Killed, active: true, follow: [][]string{{"dead"}}},
	"lost":         {kind: Killed, passive: true, follow: [][]string{{"their", "lives"}, {"his", "life"}, {"her", "life"}}},
	"suffered":     {kind: Wounded, passive: true, follow: injuryPhrases},
	"sustained":    {kind: Wounded, passive: true, follow: injuryPhrases},
	"received":     {kind: Wounded, passive: true, follow: injuryPhrases},
	"casualties":   {kind: "killed_or_wounded", head: true},
	"toll":         {kind: Killed, toll: true},
	"kill":         {kind: Killed, active: true},
	"kills":        {kind: Killed, active: true},
	"killing":      {kind: Killed, active: true, ofNoun: true},
	"killings":     {kind: Killed, ofNoun: true},
	"slain":        {kind: Killed, passive: true},
	"die":          {kind: Killed, passive: true},
	"dies":         {kind: Killed, passive: true},
	"slay":         {kind: Killed, active: true},
	"slays":        {kind: Killed, active: true},
	"execute":      {kind: Killed, active: true},
	"executes":     {kind: Killed, active: true},
	"behead":       {kind: Killed, active: true},
	"beheads":      {kind: Killed, active: true},
	"massacre":     {kind: Killed, active: true},
	"kidnaps":      {kind: Abducted, active: true},
	"abduct":       {kind: Abducted, active: true},
	"abducts":      {kind: Abducted, active: true},
	"detain":       {kind: Arrested, active: true},
	"detains":      {kind: Arrested, active: true},
	"capture":      {kind: Arrested, active: true},
	"captures":     {kind: Arrested, active: true},
	"slew":         {kind: Killed, active: true},
	"died":         {kind: Killed, passive: true},
	"perished":     {kind: Killed, passive: true},
	"dead":         {kind: Killed, passive: true, head: true},
	"deaths":       {kind: Killed, ofNoun: true, head: true},
	"death":        {kind: Killed, ofNoun: true},
	"fatalities":   {kind: Killed, head: true},
	"bodies":       {kind: Killed, head: true, ofNoun: true},
	"corpses":      {kind: Killed, head: true},
	"martyred":     {kind: Killed, passive: true},
	"martyrdom":    {kind: Killed, ofNoun: true},
	"martyrs":      {kind: Killed, head: true},
	"lives":        {kind: Killed, ofNoun: true},
	"loss":         {kind: Killed, ofNoun: true},
	"executed":     {kind: Killed, passive: true, active: true},
	"beheaded":     {kind: Killed, passive: true, active: true},
	"assassinated": {kind: Killed, passive: true, active: true},
	"murdered":     {kind: Killed, passive: true, active: true},
	"massacred":    {kind: Killed, passive: true, active: true},
	"slaughtered":  {kind: Killed, passive: true, active: true},
	"lynched":      {kind: Killed, passive: true, active: true},
	"hanged":       {kind: Killed, passive: true, active: true},
	"decapitated":  {kind: Killed, passive: true, active: true},
	"strangled":    {kind: Killed, passive: true, active: true},
	"burned":       {kind: Killed, passive: true, active: true, follow: [][]string{{"alive"}, {"to", "death"}}},
	"stabbed":      {kind: Killed, passive: true, active: true, follow: [][]string{{"to", "death"}}},
	"beaten":       {kind: Killed, passive: true, active: true, follow: [][]string{{"to", "death"}}},

	"wounded":   {kind: Wounded, passive: true, active: true, head: true},
	"wounding":  {kind: Wounded, active: true, ofNoun: true},
	"wound":     {kind: Wounded, active: true},
	"injured":   {kind: Wounded, passive: true, active: true, head: true},
	"injuring":  {kind: Wounded, active: true},
	"injure":    {kind: Wounded, active: true},
	"injuries":  {kind: Wounded, ofNoun: true},
	"hurt":      {kind: Wounded, passive: true},
	"maimed":    {kind: Wounded, passive: true, active: true},
	"wounds":    {kind: Wounded, active: true},
	"injures":   {kind: Wounded, active: true},
	"injury":    {kind: Wounded, ofNoun: true},
	"kidnapped": {kind: Abducted, passive: true, active: true},

	"kidnapping": {kind: Abducted, active: true, ofNoun: true},
	"kidnap":     {kind: Abducted, active: true},
	"abducted":   {kind: Abducted, passive: true, active: true},
	"abducting":  {kind: Abducted, active: true},
	"abduction":  {kind: Abducted, ofNoun: true},
	"hostages":   {kind: Abducted, head: true},
	"hostage":    {kind: Abducted, passive: true},
	"captives":   {kind: Abducted, head: true},
	"captive":    {kind: Abducted, passive: true},

	"arrested":    {kind: Arrested, passive: true, active: true},
	"arresting":   {kind: Arrested, active: true},
	"arrest":      {kind: Arrested, active: true, ofNoun: true},
	"arrests":     {kind: Arrested, head: true},
	"detained":    {kind: Arrested, passive: true, active: true},
	"detaining":   {kind: Arrested, active: true},
	"detention":   {kind: Arrested, ofNoun: true},
	"captured":    {kind: Arrested, passive: true, active: true},
	"capturing":   {kind: Arrested, active: true},
	"apprehended": {kind: Arrested, passive: true, active: true},
	"rounded":     {kind: Arrested, passive: true},
}

// auxWords may stand between a counted noun phrase and its participle:
// "were killed", "had also been wounded", "were reportedly all killed".
var auxWords = set("was", "were", "is", "are", "be", "been", "being", "have",
	"has", "had", "also", "reportedly", "allegedly", "later", "all", "both",
	"subsequently", "got", "get", "since", "then", "each", "either",
	"confirmed", "reported", "said", "believed", "feared", "thought", "to",
	"shot", "found", "taken", "held", "critically", "known", "understood",
	"presumed", "likely", "expected", "recently", "just", "apparently",
	"still", "initially", "eventually", "finally", "may", "might", "must", "could", "would",
	"should", "will", "can",
	"seriously", "badly", "slightly", "lightly", "fatally", "mortally")

// reportingVerbs close a clause naming who spoke: "..., a guard said".
var reportingVerbs = set("said", "says", "told", "tells", "reported",
	"reports", "added", "adds", "confirmed", "stated", "explained",
	"recalled", "recounted", "claimed", "announced", "noted", "wrote",
	"testified", "insisted", "according")

// reportingAdverbs may stand between a speaker and the reporting verb.
var reportingAdverbs = set("later", "also", "then", "separately",
	"earlier", "previously", "first", "had", "has", "have")

// afterPassive may follow a participle that took its count from before, so
// that "25 militants killed in the raid" reads as passive while "25 militants
// killed two soldiers" does not.
var afterPassive = set("in", "on", "at", "and", "or", "when", "while", "by",
	"during", "after", "before", "as", "near", "since", "including", "with",
	"from", "last", "this", "yesterday", "today", "overnight", "early", "late",
	"earlier", "but", "so", "according", "amid", "following", "outside",
	"inside", "across", "around", "between", "over", "under", "there", "too",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "down", "up", "instantly", "immediately", "respectively")

// npStop ends a counted noun phrase.
var npStop = set("and", "or", "but", "in", "on", "at", "near", "during",
	"when", "while", "after", "before", "by", "with", "from", "as", "to",
	"for", "into", "including", "who", "whom", "which", "that", "whose",
	"was", "were", "is", "are", "be", "been", "have", "has", "had", "will",
	"would", "could", "may", "might", "must", "should", "can", "also", "reportedly", "allegedly", "since", "than",
	"where", "amid", "among", "against", "across", "inside", "outside",
	"there", "it", "they", "he", "she", "we", "not", "each", "all", "both",
	"over", "under", "about", "around", "behind", "through", "without", "via",
	"despite", "following", "because", "due", "until", "recently", "still",
	"now", "then", "already", "yet", "just", "mostly", "mainly", "apparently",
	"later", "earlier", "reported", "missing", "said", "says", "told",
	"according", "last", "this", "yesterday", "today", "overnight", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// thingNouns head phrases that are not people: "captured five villages" is
// no arrest, "two vehicles were destroyed" no casualty.
var thingNouns = set("village", "villages", "town", "towns", "city", "cities",
	"position", "positions", "area", "areas", "district", "districts", "post",
	"posts", "base", "bases", "checkpoint", "checkpoints", "vehicle",
	"vehicles", "weapon", "weapons", "tank", "tanks", "truck", "trucks", "car",
	"cars", "rifle", "rifles", "rocket", "rockets", "drone", "drones", "home",
	"homes", "house", "houses", "building", "buildings", "sheep", "cattle",
	"goats", "camels", "tunnel", "tunnels", "hill", "hills", "road", "roads",
	"bridge", "bridges", "oilfield", "oilfields", "well", "wells", "barracks",
	"outpost", "outposts", "hectares", "kilometres", "kilometers", "miles",
	"square", "percent", "dollars", "tons", "tonnes", "boats", "ships",
	"aircraft", "planes", "helicopters", "mosques", "churches", "schools",
	"hospitals", "shops", "stores", "markets", "farms", "fields", "acres",
	"warrant", "warrants", "orders", "plans", "searches", "missions",
	"contracts", "deals", "dogs", "cats", "animals", "horses", "cows",
	"birds", "fish", "livestock", "mullet")

// npSkipLead are words that open a count's noun phrase but are not the
// counted noun itself ("three additional members" counts "members").
var npSkipLead = set("additional", "other", "more", "further", "extra")

// personNouns can be counted by "a"/"an"/"one" alone: "killed a soldier",
// "a colonel and four soldiers".
var personNouns = set("person", "people", "man", "woman", "child", "boy",
	"girl", "civilian", "soldier", "policeman", "policewoman", "officer",
	"colonel", "general", "lieutenant", "captain", "major", "sergeant",
	"commander", "fighter", "militant", "member", "guard", "farmer",
	"shepherd", "sheepherder", "herder", "worshipper", "student", "teacher",
	"journalist", "doctor", "nurse", "worker", "contractor", "resident",
	"villager", "driver", "passenger", "pilgrim", "protester", "demonstrator",
	"leader", "official", "judge", "mayor", "imam", "cleric", "tribesman",
	"elder", "gunman", "attacker", "bomber", "insurgent", "jihadist",
	"terrorist", "recruit", "conscript", "trooper", "marine", "serviceman",
	"servicemember", "agent", "employee", "engineer", "mukhtar", "sheikh",
	"infant", "baby", "toddler", "teenager", "youth", "relative", "brother",
	"son", "daughter", "father", "mother", "wife", "husband", "patrolman",
	"policemen", "someone", "individual", "victim", "hostage", "pilot",
	"peshmerga", "personnel", "translator", "interpreter", "volunteer",
	"activist", "staffer", "medic", "paramedic", "firefighter", "miner",
	"trader", "merchant", "shopkeeper", "vendor", "fisherman", "boy",
	"guardsman", "policeman's", "ranger", "deputy", "governor", "councillor",
	"councilor", "lawmaker", "politician", "candidate", "priest", "monk",
	"nun", "pastor", "missionary", "refugee", "migrant", "detainee",
	"prisoner", "inmate", "suspect", "spy", "informant", "collaborator",
	"guide", "smuggler", "chief", "head", "mercenary", "sniper", "gunner",
	"organiser", "organizer", "schoolboy", "schoolgirl", "watchman",
	"brigadier", "corporal", "private", "lieutenant-colonel")

// qualifiers put a bound on a count; the value is the canonical form.
var qualifiers = []struct {
	words []string
	canon string
}{
	{[]string{"at", "least"}, "at least"},
	{[]string{"no", "fewer", "than"}, "at least"},
	{[]string{"no", "less", "than"}, "at least"},
	{[]string{"a", "minimum", "of"}, "at least"},
	{[]string{"more", "than"}, "more than"},
	{[]string{"over"}, "more than"},
	{[]string{"upwards", "of"}, "more than"},
	{[]string{"in", "excess", "of"}, "more than"},
	{[]string{"about"}, "about"},
	{[]string{"around"}, "about"},
	{[]string{"roughly"}, "about"},
	{[]string{"approximately"}, "about"},
	{[]string{"nearly"}, "about"},
	{[]string{"almost"}, "about"},
	{[]string{"close", "to"}, "about"},
	{[]string{"an", "estimated"}, "about"},
	{[]string{"some"}, "about"},
	{[]string{"up", "to"}, "up to"},
	{[]string{"between"}, "between"}, // a range follows; item() drops it
	{[]string{"as", "many", "as"}, "up to"},
	{[]string{"at", "most"}, "up to"},
	{[]string{"fewer", "than"}, "up to"},
	{[]string{"less", "than"}, "up to"},
	{[]string{"a", "total", "of"}, ""},
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
