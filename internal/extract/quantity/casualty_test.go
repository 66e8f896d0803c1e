package quantity

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// got is the part of a Count the table checks.
type got struct {
	N    int
	Kind string
	Qual string
	Who  string
}

func project(cs []Count) []got {
	var out []got
	for _, c := range cs {
		out = append(out, got{c.N, c.Kind, c.Qualifier, c.Who})
	}
	return out
}

func TestCasualties(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []got
	}{
		{"passive subject", "Three border guards were killed overnight.", []got{{3, Killed, "", "border guards"}}},
		{"active object not subject", "Insurgents killed four members of the local police force on the highway.", []got{{4, Killed, "", "members of the local police force"}}},
		{"subject with number is the killer", "Two gunmen killed six villagers in the raid.", []got{{6, Killed, "", "villagers"}}},
		{"compound colonel", "The ambush killed a colonel and four soldiers, officials said.", []got{{5, Killed, "", "a colonel and four soldiers"}}},
		{"compound two numbers", "The blast killed two police officers and three passers-by.", []got{{5, Killed, "", "two police officers and three passers-by"}}},
		{"compound adjective officer", "Shelling killed a senior army officer and nine conscripts.", []got{{10, Killed, "", "a senior army officer and nine conscripts"}}},
		{"others wounded", "Six others had also been wounded, a medic said.", []got{{6, Wounded, "", "others"}}},
		{"additional members", "One guard died and two additional guards were hurt.", []got{{1, Killed, "", "guard"}, {2, Wounded, "", "guards"}}},
		{"killed then wounded bare", "Nine recruits were killed, and four more wounded.", []got{{9, Killed, "", "recruits"}, {4, Wounded, "", ""}}},
		{"killing N", "A drone hit the truck, killing 3.", []got{{3, Killed, "", ""}}},
		{"N killed", "Officials said 17 killed and 40 injured.", []got{{17, Killed, "", ""}, {40, Wounded, "", ""}}},
		{"deaths of", "Medics confirmed the deaths of five farmers.", []got{{5, Killed, "", "farmers"}}},
		{"N dead", "The bombing left 23 dead at the market.", []got{{23, Killed, "", ""}}},
		{"N bodies", "Rescuers pulled 8 bodies from the rubble.", []got{{8, Killed, "", "bodies"}}},
		{"bodies of", "The bodies of two truck drivers were found near the border.", []got{{2, Killed, "", "truck drivers"}}},
		{"claimed the lives", "The fire claimed the lives of eleven prisoners.", []got{{11, Killed, "", "prisoners"}}},
		{"martyrdom of them", "A mine exploded, leading to the martyrdom of three of them.", []got{{3, Killed, "", "them"}}},
		{"death toll", "By evening the death toll had climbed to 46.", []got{{46, Killed, "", ""}}},
		{"a dozen people", "The militia killed a dozen people at the checkpoint.", []got{{12, Killed, "", "people"}}},
		{"dozens round", "Dozens of protesters were injured by tear gas canisters.", []got{{12, Wounded, "", "protesters"}}},
		{"tens of", "Tens of civilians died in the siege.", []got{{10, Killed, "", "civilians"}}},
		{"hundreds arrested", "Police arrested hundreds of demonstrators.", []got{{100, Arrested, "", "demonstrators"}}},
		{"at least", "At least 19 worshippers were killed in the mosque blast.", []got{{19, Killed, "at least", "worshippers"}}},
		{"more than", "More than 30 people were wounded.", []got{{30, Wounded, "more than", "people"}}},
		{"over", "The raid killed over 40 fighters.", []got{{40, Killed, "more than", "fighters"}}},
		{"about", "About 25 students were kidnapped from the school.", []got{{25, Abducted, "about", "students"}}},
		{"up to", "Up to 60 villagers may have been abducted.", []got{{60, Abducted, "up to", "villagers"}}},
		{"injured N", "The grenade injured 14 shoppers.", []got{{14, Wounded, "", "shoppers"}}},
		{"N wounded", "There were 9 wounded among the guards.", []got{{9, Wounded, "", ""}}},
		{"N hurt", "Two children were hurt by flying glass.", []got{{2, Wounded, "", "children"}}},
		{"kidnapped N", "Armed men kidnapped seven engineers working on the dam.", []got{{7, Abducted, "", "engineers working"}}},
		{"abducted a", "Militants abducted a local journalist.", []got{{1, Abducted, "", "local journalist"}}},
		{"N hostages", "The group is holding 4 hostages.", []got{{4, Abducted, "", "hostages"}}},
		{"arrested N", "Troops arrested 15 suspects in dawn raids.", []got{{15, Arrested, "", "suspects"}}},
		{"detained N", "The army detained twenty-two men.", []got{{22, Arrested, "", "men"}}},
		{"joint kill arrest", "The sweep ended after killing and arresting more than 35 insurgents.", []got{{35, "killed_or_arrested", "more than", "insurgents"}}},
		{"joint kill wound", "The mortar rounds killed or wounded 16 people.", []got{{16, "killed_or_wounded", "", "people"}}},
		{"vague several", "Several soldiers were killed in the ambush.", []got{{-1, Killed, "", "soldiers"}}},
		{"vague a number of", "A number of civilians were wounded.", []got{{-1, Wounded, "", "civilians"}}},
		{"partly vague", "Officers mourned the loss of a major and a number of others.", []got{{1, Killed, "at least", "a major and a number of others"}}},
		{"singular a", "A policeman was shot dead at the gate.", []got{{1, Killed, "", "policeman"}}},
		{"appositive", "Eight people, including three women, were killed.", []got{{8, Killed, "", "people"}}},
		{"reflexive bomber", "The bomber blew himself up, killing himself and nine others.", []got{{10, Killed, "", "himself and nine others"}}},
		{"of the policemen", "The attackers shot seven of the policemen.", nil},
		{"killed of the", "The gunmen killed five of the guards.", []got{{5, Killed, "", "the guards"}}},
		{"two sides", "Clashes killed 6 soldiers and 11 rebels.", []got{{17, Killed, "", "6 soldiers and 11 rebels"}}},
		{"separate verbs", "The attack killed two soldiers and three others were wounded.", []got{{2, Killed, "", "soldiers"}, {3, Wounded, "", "others"}}},
		{"killed and wounded objects", "The car bomb killed 4 and wounded 12 near the bridge.", []got{{4, Killed, "", ""}, {12, Wounded, "", ""}}},
		{"year is not a count", "In 2016 militants killed the mayor.", []got{{1, Killed, "", "mayor"}}},
		{"no casualty words", "Four trucks carrying grain reached the city on Friday.", nil},
		{"active with definite person", "Three gunmen killed the guard and fled.", []got{{1, Killed, "", "guard"}}},
		{"definite plural", "Three gunmen killed the guards and fled.", nil},
		{"definite of-noun", "Residents mourned the death of the village chief.", []got{{1, Killed, "", "village chief"}}},
		{"definite in list", "The raid killed two guards and the driver.", []got{{3, Killed, "", "two guards and the driver"}}},
		{"passive with by", "Five pilgrims were killed by a roadside bomb.", []got{{5, Killed, "", "pilgrims"}}},
		{"died", "Thirteen miners died after the attack.", []got{{13, Killed, "", "miners"}}},
		{"perished", "Around 70 migrants perished.", []got{{70, Killed, "about", "migrants"}}},
		{"captured", "Kurdish forces captured 12 fighters.", []got{{12, Arrested, "", "fighters"}}},
		{"subject compound", "Two soldiers and a translator were killed near the pass.", []got{{3, Killed, "", "Two soldiers and a translator"}}},
		{"subject compound three", "Four police officers, two guards and a driver died.", []got{{7, Killed, "", "Four police officers, two guards and a driver"}}},
		{"including no comma", "Nine people including four children were hurt.", []got{{9, Wounded, "", "people"}}},
		{"gunned down", "Gunmen gunned down three shopkeepers at dusk.", []got{{3, Killed, "", "shopkeepers"}}},
		{"gunned down passive", "Two judges were gunned down outside the court.", []got{{2, Killed, "", "judges"}}},
		{"shot dead active", "A sniper shot dead two medics.", []got{{2, Killed, "", "medics"}}},
		{"shot dead passive", "Five protesters were shot dead.", []got{{5, Killed, "", "protesters"}}},
		{"shot alone", "Two men were shot in the leg.", nil},
		{"lost their lives", "Eleven firefighters lost their lives in the blaze.", []got{{11, Killed, "", "firefighters"}}},
		{"taken hostage", "Six tourists were taken hostage by the gang.", []got{{6, Abducted, "", "tourists"}}},
		{"casualties", "The shelling caused 30 casualties.", []got{{30, "killed_or_wounded", "", "casualties"}}},
		{"person noun as modifier", "Riot police injured a student organiser at the rally.", []got{{1, Wounded, "", "student organiser"}}},
		{"noun modifier rejected", "Guards injured a worker protest outside the plant.", nil},
		{"reporting pair after comma", "A roadside bomb wounded 12 others, a police officer and a medic said.", []got{{12, Wounded, "", "others"}}},
		{"reporting pair with adverb", "The mortar round killed two boys, a teacher and a neighbour later told reporters.", []got{{2, Killed, "", "boys"}}},
		{"list keeps its and", "Gunmen killed a judge, his driver and two guards near the court.", []got{{4, Killed, "", "a judge, his driver and two guards"}}},
		{"comma list without and", "The shelling wounded several villagers, a local official said.", []got{{-1, Wounded, "", "villagers"}}},
		{"toll takes one figure", "The toll reached 40 and several remain missing.", []got{{40, Killed, "", ""}}},
		{"adverb ends phrase", "Three journalists recently detained were freed.", []got{{3, Arrested, "", "journalists"}}},
		{"preposition ends phrase", "Police detained dozens of men over alleged links to the cell.", []got{{12, Arrested, "", "men"}}},
		{"a total of is one event", "A total of four guards were killed in the raid.", []got{{4, Killed, "", "guards"}}},
		{"things are not people", "The rebels captured five villages and two bases.", nil},
		{"manner adverb", "Four others were badly hurt and two more gravely injured.", []got{{4, Wounded, "", "others"}, {2, Wounded, "", ""}}},
		{"weekday ends phrase", "Shelling killed and wounded several herders Sunday.", []got{{-1, "killed_or_wounded", "", "herders"}}},
		{"range to", "Officials said 10 to 15 guards were killed.", []got{{10, Killed, "", "guards"}}},
		{"range hyphen", "The raid left 20-25 dead.", []got{{20, Killed, "", ""}}},
		{"range between", "Between 30 and 40 villagers were abducted.", []got{{30, Abducted, "", "villagers"}}},
		{"range words or", "Gunmen killed two or three herders.", []got{{2, Killed, "", "herders"}}},
		{"family of", "An airstrike killed a family of six in the village.", []got{{6, Killed, "", "family"}}},
		{"possessive person", "A child and his mother were killed by the shell.", []got{{2, Killed, "", "A child and his mother"}}},
		{"possessive object", "Militants abducted the mayor's driver and killed his brother.", []got{{1, Abducted, "", "mayor's driver"}, {1, Killed, "", "brother"}}},
		{"number of dead", "The number of dead rose to 20 on Monday.", []got{{20, Killed, "", ""}}},
		{"stabbed to death", "Two guards were stabbed to death at the gate.", []got{{2, Killed, "", "guards"}}},
		{"stabbed not dead", "Two guards were stabbed at the gate.", nil},
		{"held hostage", "Nine crew members are being held hostage.", []got{{9, Abducted, "", "crew members"}}},
		{"lynched", "A mob lynched three suspects.", []got{{3, Killed, "", "suspects"}}},
		{"time is not a count", "The guard was killed around 5 p.m. near the gate.", nil},
		{"age is not a count", "Her six year old son was injured by glass.", nil},
		{"warrants are not people", "Detectives executed three search warrants.", nil},
		{"place phrase before verb", "Five rangers in the northern park were killed on Sunday.", []got{{5, Killed, "", "rangers"}}},
		{"dash aside", "At least 12 police officers - including a senior commander - were killed.", []got{{12, Killed, "at least", "police officers"}}},
		{"suffered injuries", "Four workers suffered serious injuries in the blast.", []got{{4, Wounded, "", "workers"}}},
		{"sustained injuries", "A schoolboy and a watchman sustained injuries.", []got{{2, Wounded, "", "A schoolboy and a watchman"}}},
		{"known to have died", "At least 40 villagers are known to have died.", []got{{40, Killed, "at least", "villagers"}}},
		{"verb and other verb", "Police arrested and beat nine students and two teachers.", []got{{11, Arrested, "", "nine students and two teachers"}}},
		{"age adjective", "The blast injured a 7-year-old girl.", []got{{1, Wounded, "", "7-year-old girl"}}},
		{"toll crosses", "Quake death toll crosses 1,500.", []got{{1500, Killed, "", ""}}},
		{"headline passive", "3 killed, 11 hurt in market blast", []got{{3, Killed, "", ""}, {11, Wounded, "", ""}}},
		{"headline present", "Militants kidnap 15 shepherds, police detain 4", []got{{15, Abducted, "", "shepherds"}, {4, Arrested, "", ""}}},
		{"headline kills wounds", "Car bomb kills at least 10, wounds 20", []got{{10, Killed, "at least", ""}, {20, Wounded, "", ""}}},
		{"headline die", "Six die as gunmen storm clinic", []got{{6, Killed, "", ""}}},
		{"claimed lives", "The fighting claimed 12 lives in a week.", []got{{12, Killed, "", ""}}},
		{"saved lives", "Medics saved 12 lives at the scene.", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := Casualties(tc.in)
			if diff := cmp.Diff(tc.want, project(cs)); diff != "" {
				t.Errorf("Casualties(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
			checkSpans(t, tc.in, cs)
		})
	}
}

func checkSpans(t *testing.T, text string, cs []Count) {
	t.Helper()
	for _, c := range cs {
		if c.Start < 0 || c.End > len(text) || c.Start >= c.End || text[c.Start:c.End] != c.Text {
			t.Fatalf("bad span %d:%d %q in %q", c.Start, c.End, c.Text, text)
		}
		if c.Who != "" && (c.WhoStart < c.Start || c.WhoEnd > c.End || text[c.WhoStart:c.WhoEnd] != c.Who) {
			t.Fatalf("bad who span %d:%d %q in %q", c.WhoStart, c.WhoEnd, c.Who, text)
		}
	}
}

func TestCasualtyFlags(t *testing.T) {
	tests := []struct {
		in, flag string
	}{
		{"In 2021 alone the group staged 212 attacks in which 390 people were killed.", "statistic"},
		{"Dozens of villagers were wounded.", "round"},
		{"The governor said his troops had killed 4,200 militants.", "large"},
		{"They mourned the loss of a sergeant and several others.", "partly-vague"},
	}
	for _, tc := range tests {
		t.Run(tc.flag, func(t *testing.T) {
			cs := Casualties(tc.in)
			if len(cs) == 0 {
				t.Fatalf("Casualties(%q) found nothing", tc.in)
			}
			if !strings.Contains(strings.Join(cs[0].Flags, ","), tc.flag) {
				t.Errorf("Casualties(%q) flags = %v, want %q", tc.in, cs[0].Flags, tc.flag)
			}
		})
	}
}

func TestIsStatistic(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"In 2018 alone, 512 civilians were killed in the province.", true},
		{"The group carried out 87 attacks across the north.", true},
		{"Its strength is estimated at 9,000 members.", true},
		{"Officials believe some 1,500 fighters remain at large in the desert.", true},
		{"Roughly 3,000 US troops are stationed in the country.", true},
		{"Since 2015, more than 800 soldiers have died in the region.", true},
		{"So far this year the clashes have killed 73 people.", true},
		{"Two policemen were killed in Tuesday's ambush.", false},
		{"A car bomb killed 12 people in the market.", false},
		{"Two attacks hit the town on Friday, killing three.", false},
		{"The operation in 2019 killed the group's deputy leader.", false},
		{"It was the deadliest bombing since 2017, killing one guard.", false},
		{"Since 2017, the bombings have killed 41 guards.", true},
		{"The group was defeated a year ago and lost its leader a year before.", false},
		{"The insurgency, which erupted in 2011, has killed over 9,000 people.", true},
		{"Fighting that started in 2014 has already claimed 3,200 lives, aid groups say.", true},
		{"The blast has killed at least 20 people, police said.", false},
		{"A raid in 2019 killed 14 fighters.", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := IsStatistic(tc.in); got != tc.want {
				cue, _ := StatisticCue(tc.in)
				t.Errorf("IsStatistic(%q) = %v (cue %q), want %v", tc.in, got, cue, tc.want)
			}
		})
	}
}

func FuzzCasualties(f *testing.F) {
	for _, s := range []string{
		"Two soldiers were killed and three wounded.",
		"killing and arresting more than 50 members",
		"the martyrdom of two of them",
		"a colonel and four soldiers",
		"killed himself and , including",
		"the death toll rose to",
		"at least",
		"’s 's 3,500,",
		"killed between",
		"wounded 10-",
		"killed two or",
		"arrested and",
		"arrested or",
		"six rangers in the",
		"ten men - including",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cs := Casualties(s)
		for _, c := range cs {
			if c.Start < 0 || c.End > len(s) || c.Start >= c.End || s[c.Start:c.End] != c.Text {
				t.Fatalf("bad span %d:%d in %q", c.Start, c.End, s)
			}
			if c.Who != "" && s[c.WhoStart:c.WhoEnd] != c.Who {
				t.Fatalf("bad who span in %q", s)
			}
			if c.N < -1 {
				t.Fatalf("N = %d in %q", c.N, s)
			}
		}
		IsStatistic(s)
	})
}

// benchSentences are typical sentences of a news report, most without any
// casualty figure.
var benchSentences = []string{
	"Insurgents killed four members of the local police force on the highway, officials said on Tuesday.",
	"The attack comes as analysts warn of a resurgence of the group in remote desert areas.",
	"At least 19 worshippers were killed and dozens wounded when a bomb exploded outside the mosque.",
	"The government said it would not allow foreign troops to be deployed without its consent.",
	"Security forces later arrested 11 suspects in a series of raids across the province.",
}

func BenchmarkCasualties(b *testing.B) {
	n := 0
	for _, s := range benchSentences {
		n += len(s)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range benchSentences {
			Casualties(s)
		}
	}
}

// TestStatisticFlagMatchesIsStatistic holds Casualties to the contract the
// extractor relies on: every count is flagged "statistic" exactly when
// IsStatistic holds for the sentence.
func TestStatisticFlagMatchesIsStatistic(t *testing.T) {
	for _, s := range []string{
		"In 2021 alone, 312 civilians were killed in such raids across the region.",
		"Gunmen killed four farmers and wounded two herders near the well on Friday.",
		"An estimated 2,000 fighters remain at large, and 40 were killed last month.",
		"The blast wounded nine others, a nurse said.",
	} {
		t.Run(s, func(t *testing.T) {
			want := IsStatistic(s)
			cs := Casualties(s)
			if len(cs) == 0 {
				t.Fatalf("no counts in %q", s)
			}
			for _, c := range cs {
				if got := slices.Contains(c.Flags, "statistic"); got != want {
					t.Errorf("count %q flagged statistic %v, IsStatistic %v", c.Text, got, want)
				}
			}
		})
	}
}
