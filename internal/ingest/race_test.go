//go:build race

package ingest

// raceEnabled: the race detector slows regexp tenfold, so the slowest
// corpus tests use less text.
const raceEnabled = true
