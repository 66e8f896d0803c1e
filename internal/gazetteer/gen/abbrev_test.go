package main

import (
	"slices"
	"testing"
)

func TestAbbrevVariants(t *testing.T) {
	tests := []struct {
		cc, name string
		want     []string
	}{
		{"US", "Saint Paris", []string{"St. Paris"}},
		{"US", "Mount Pleasant", []string{"Mt. Pleasant"}},
		{"US", "St. Louis", []string{"Saint Louis"}},
		{"CA", "Fort McMurray", []string{"Ft. McMurray"}},
		{"RU", "Saint Petersburg", nil}, // the short form is English's, not Russia's
		{"US", "Mountain View", nil},
		{"US", "Saint", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := abbrevVariants(tc.cc, tc.name); !slices.Equal(got, tc.want) {
				t.Errorf("abbrevVariants(%q, %q) = %q, want %q", tc.cc, tc.name, got, tc.want)
			}
		})
	}
}
