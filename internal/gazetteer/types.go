// Package gazetteer holds sitrep's embedded world gazetteer: populated places
// and regions from GeoNames, features conflict reports name (mountains, oil
// fields, dams, crossings), region boundaries from Natural Earth, and the
// resolver that finds place mentions in text and pins them to coordinates and
// regions with an ACLED geo_precision.
package gazetteer

// Place is one gazetteer entry.
type Place struct {
	ID          int64   `json:"id"` // GeoNames id, or a negative id for curated entries
	Name        string  `json:"name"`
	Kind        string  `json:"kind"` // GeoNames feature class.code, e.g. "P.PPL", "A.ADM1", "T.MT"
	CountryCode string  `json:"country_code"`
	Country     string  `json:"country"`
	Admin1Code  string  `json:"admin1_code,omitempty"` // GeoNames style with the country: "IQ.18"
	Admin1      string  `json:"admin1,omitempty"`
	Admin2Code  string  `json:"admin2_code,omitempty"` // "IQ.11.93817"
	Admin2      string  `json:"admin2,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Population  int64   `json:"population,omitempty"`
	Source      string  `json:"source,omitempty"` // geonames, world-countries, curated: <note>, locate
}

// Mention is a place named in a text and what it resolved to.
type Mention struct {
	Start     int     `json:"start"` // byte offsets into the text searched
	End       int     `json:"end"`
	Text      string  `json:"text"`
	Place     Place   `json:"place"`
	Precision int     `json:"geo_precision"` // ACLED: 1 town, 2 near a town or district, 3 region
	Score     float64 `json:"score"`
	Rule      string  `json:"rule"` // which rule matched and disambiguated
}
