package main

import "testing"

func TestInsideRings(t *testing.T) {
	square := [][][2]int32{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}} // 0..10 degrees
	if !insideRings(square, 5, 5) || insideRings(square, 5, 12) || insideRings(square, -1, 5) {
		t.Error("insideRings misplaces points around a 10-degree square")
	}
	if lat, lon, ok := ringsCentroid(square); !ok || lat != 5 || lon != 5 {
		t.Errorf("ringsCentroid(square) = %v, %v, %v; want 5, 5", lat, lon, ok)
	}
}
