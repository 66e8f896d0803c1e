package incident

import "strings"

// ACLED disorder types.
const (
	PoliticalViolence     = "Political violence"
	Demonstrations        = "Demonstrations"
	StrategicDevelopments = "Strategic developments"
)

// ACLED event types.
const (
	Battles              = "Battles"
	ExplosionsRemote     = "Explosions/Remote violence"
	ViolenceAgainstCivs  = "Violence against civilians"
	Protests             = "Protests"
	Riots                = "Riots"
	StrategicDevelopment = "Strategic developments"
)

// SubEventType is one of ACLED's 25 sub-event types with its parents and
// the code the CASE 2021 shared task uses for it.
type SubEventType struct {
	Name      string
	EventType string
	Disorder  string
	Code      string // CASE 2021 task 2 label
}

// subEvents is ACLED's sub-event taxonomy (codebook 2023) in codebook order.
// It is read-only: unexported, and handed out only as copies, so no caller
// can change it for another.
var subEvents = [...]SubEventType{
	{"Armed clash", Battles, PoliticalViolence, "ARMED_CLASH"},
	{"Government regains territory", Battles, PoliticalViolence, "GOV_REGAINS_TERIT"},
	{"Non-state actor overtakes territory", Battles, PoliticalViolence, "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"Chemical weapon", ExplosionsRemote, PoliticalViolence, "CHEM_WEAP"},
	{"Air/drone strike", ExplosionsRemote, PoliticalViolence, "AIR_STRIKE"},
	{"Suicide bomb", ExplosionsRemote, PoliticalViolence, "SUIC_BOMB"},
	{"Shelling/artillery/missile attack", ExplosionsRemote, PoliticalViolence, "ART_MISS_ATTACK"},
	{"Remote explosive/landmine/IED", ExplosionsRemote, PoliticalViolence, "REM_EXPLOS"},
	{"Grenade", ExplosionsRemote, PoliticalViolence, "GRENADE"},
	{"Sexual violence", ViolenceAgainstCivs, PoliticalViolence, "SEX_VIOL"},
	{"Attack", ViolenceAgainstCivs, PoliticalViolence, "ATTACK"},
	{"Abduction/forced disappearance", ViolenceAgainstCivs, PoliticalViolence, "ABDUCT_DISSAP"},
	{"Peaceful protest", Protests, Demonstrations, "PEACE_PROTEST"},
	{"Protest with intervention", Protests, Demonstrations, "PROTEST_WITH_INTER"},
	{"Excessive force against protesters", Protests, PoliticalViolence + "; " + Demonstrations, "FORCE_AGAINST_PROTEST"},
	{"Violent demonstration", Riots, Demonstrations, "VIOL_DEMONSTR"},
	{"Mob violence", Riots, PoliticalViolence, "MOB_VIOL"},
	{"Agreement", StrategicDevelopment, StrategicDevelopments, "AGREEMENT"},
	{"Arrests", StrategicDevelopment, StrategicDevelopments, "ARREST"},
	{"Change to group/activity", StrategicDevelopment, StrategicDevelopments, "CHANGE_TO_GROUP_ACT"},
	{"Disrupted weapons use", StrategicDevelopment, StrategicDevelopments, "DISR_WEAP"},
	{"Headquarters or base established", StrategicDevelopment, StrategicDevelopments, "HQ_ESTABLISHED"},
	{"Looting/property destruction", StrategicDevelopment, StrategicDevelopments, "PROPERTY_DISTRUCT"},
	{"Non-violent transfer of territory", StrategicDevelopment, StrategicDevelopments, "NON_VIOL_TERRIT_TRANSFER"},
	{"Other", StrategicDevelopment, StrategicDevelopments, "OTHER"},
}

// SubEventTypes returns a copy of ACLED's sub-event taxonomy in codebook order.
func SubEventTypes() []SubEventType {
	out := subEvents
	return out[:]
}

// LookupSubEvent finds a sub-event type by ACLED name or CASE code,
// case-insensitively.
func LookupSubEvent(nameOrCode string) (SubEventType, bool) {
	for _, s := range &subEvents {
		if strings.EqualFold(s.Name, nameOrCode) || strings.EqualFold(s.Code, nameOrCode) {
			return s, true
		}
	}
	return SubEventType{}, false
}

// ACLED inter codes (actor types).
const (
	InterStateForces   = 1
	InterRebelGroup    = 2
	InterPoliticalMil  = 3
	InterIdentityMil   = 4
	InterRioters       = 5
	InterProtesters    = 6
	InterCivilians     = 7
	InterExternalOther = 8
)

// InterName names an ACLED inter code ("" for an unknown code).
func InterName(code int) string {
	return map[int]string{
		InterStateForces:   "State forces",
		InterRebelGroup:    "Rebel groups",
		InterPoliticalMil:  "Political militias",
		InterIdentityMil:   "Identity militias",
		InterRioters:       "Rioters",
		InterProtesters:    "Protesters",
		InterCivilians:     "Civilians",
		InterExternalOther: "External/other forces",
	}[code]
}

// Interaction combines two inter codes as ACLED does: the lower first, and
// a sole actor's code followed by 0.
func Interaction(inter1, inter2 int) int {
	switch {
	case inter1 == 0 && inter2 == 0:
		return 0
	case inter2 == 0:
		return inter1 * 10
	case inter1 == 0:
		return inter2 * 10
	case inter1 <= inter2:
		return inter1*10 + inter2
	default:
		return inter2*10 + inter1
	}
}
