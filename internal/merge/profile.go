package merge

import (
	"cmp"
	"slices"
	"strings"
)

// UnknownOutlet stands for reports whose outlet nobody recorded.
const UnknownOutlet = "(unknown outlet)"

// TagUnverified marks an incident only one low-corroboration outlet reports.
const TagUnverified = "unverified"

// Profile is an outlet's track record over a set of merged incidents.
type Profile struct {
	Outlet    string `json:"outlet"`
	Articles  int    `json:"articles"`
	Incidents int    `json:"incidents"`
	// Corroborated counts incidents some other outlet also reports;
	// Contradicted, those where another outlet gives a different casualty
	// figure than this one.
	Corroborated      int     `json:"corroborated"`
	Contradicted      int     `json:"contradicted"`
	CorroboratedShare float64 `json:"corroborated_share"`
	ContradictedShare float64 `json:"contradicted_share"`
}

// Profiles computes each outlet's profile, sorted by outlet name.
func Profiles(clusters []Cluster) []Profile {
	byOutlet := map[string]*Profile{}
	articles := map[string]map[string]bool{}
	get := func(o string) *Profile {
		if p, ok := byOutlet[o]; ok {
			return p
		}
		p := &Profile{Outlet: o}
		byOutlet[o] = p
		articles[o] = map[string]bool{}
		return p
	}
	for i := range clusters {
		c := &clusters[i]
		outlets := Outlets(c)
		for _, s := range c.Incident.Sources {
			o := outletName(s.Outlet)
			get(o)
			articles[o][s.ArticleID+"\x00"+s.Doc] = true
		}
		for _, o := range outlets {
			p := get(o)
			p.Incidents++
			if len(outlets) > 1 {
				p.Corroborated++
			}
			if contradicted(c, o) {
				p.Contradicted++
			}
		}
	}
	out := make([]Profile, 0, len(byOutlet))
	for o, p := range byOutlet {
		p.Articles = len(articles[o])
		if p.Incidents > 0 {
			p.CorroboratedShare = float64(p.Corroborated) / float64(p.Incidents)
			p.ContradictedShare = float64(p.Contradicted) / float64(p.Incidents)
		}
		out = append(out, *p)
	}
	slices.SortFunc(out, func(a, b Profile) int { return cmp.Compare(a.Outlet, b.Outlet) })
	return out
}

// Outlets lists the distinct outlets behind a cluster.
func Outlets(c *Cluster) []string {
	var out []string
	for _, s := range c.Incident.Sources {
		if o := outletName(s.Outlet); !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		for i := range c.Members {
			if o := outletName(outletOf(&c.Members[i])); !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out
}

func outletName(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return UnknownOutlet
	}
	return s
}

// contradicted: another outlet's figure differs from one of this outlet's.
func contradicted(c *Cluster, outlet string) bool {
	for _, f := range []Figures{c.Fatalities, c.Wounded} {
		for _, mine := range f.Reports {
			if outletName(mine.Outlet) != outlet {
				continue
			}
			for _, theirs := range f.Reports {
				if outletName(theirs.Outlet) != outlet && theirs.Value != mine.Value {
					return true
				}
			}
		}
	}
	return false
}

// Credibility sets when a lone outlet's word is not enough.
type Credibility struct {
	// MinIncidents: an outlet with fewer incidents has no track record yet
	// and counts as low-corroboration.
	MinIncidents int
	// MinShare: the share of its incidents others must corroborate.
	MinShare float64
}

// DefaultCredibility: at least 5 incidents, a quarter of them corroborated.
func DefaultCredibility() Credibility { return Credibility{MinIncidents: 5, MinShare: 0.25} }

// Unverified reports whether a single outlet with a weak or unknown track
// record is the only one to report the cluster.
func Unverified(c *Cluster, profiles []Profile, cr Credibility) bool {
	outlets := Outlets(c)
	if len(outlets) > 1 {
		return false
	}
	if len(outlets) == 0 {
		return true
	}
	i, ok := slices.BinarySearchFunc(profiles, outlets[0], func(p Profile, o string) int {
		return cmp.Compare(p.Outlet, o)
	})
	if !ok {
		return true
	}
	p := profiles[i]
	return p.Incidents < cr.MinIncidents || p.CorroboratedShare < cr.MinShare
}

// MarkUnverified tags, in place, every cluster's incident that Unverified
// flags, with profiles computed over the same clusters, and returns the
// profiles.
func MarkUnverified(clusters []Cluster, cr Credibility) []Profile {
	profiles := Profiles(clusters)
	for i := range clusters {
		c := &clusters[i]
		if Unverified(c, profiles, cr) && !slices.Contains(c.Incident.Tags, TagUnverified) {
			c.Incident.Tags = append(c.Incident.Tags, TagUnverified)
			slices.Sort(c.Incident.Tags)
		}
	}
	return profiles
}
