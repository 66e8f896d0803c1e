package main

import "strings"

// abbrevForms pairs the first words English place names abbreviate with
// their abbreviations: reports write "St. Paris" and "Mt. Pleasant" for
// GeoNames' Saint Paris and Mount Pleasant, and GeoNames itself writes some
// names short ("St. Louis").
var abbrevForms = [][2]string{{"Saint", "St."}, {"Sainte", "Ste."}, {"Mount", "Mt."}, {"Fort", "Ft."}}

// abbrevCountries are where the abbreviations are the names' own: English
// writes St. Petersburg for Russia's city too, but there the full name is
// an exonym and the short one would only make it outrank Florida's.
var abbrevCountries = map[string]bool{"US": true, "CA": true, "GB": true, "IE": true, "AU": true, "NZ": true}

// abbrevVariants returns the other spellings of a name in an English-speaking
// country whose first word is one of abbrevForms ("Saint Paris" → "St.
// Paris"), or nothing.
func abbrevVariants(cc, name string) []string {
	if !abbrevCountries[cc] {
		return nil
	}
	first, rest, ok := strings.Cut(name, " ")
	if !ok || rest == "" {
		return nil
	}
	for _, f := range abbrevForms {
		switch {
		case first == f[0]:
			return []string{f[1] + " " + rest}
		case first == f[1] || first == strings.TrimSuffix(f[1], "."):
			return []string{f[0] + " " + rest}
		}
	}
	return nil
}
