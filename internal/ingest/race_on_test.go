//go:build race

package ingest

// raceEnabled: the race detector makes extraction about ten times slower
// and regexp tenfold, so tests over the real benchmark pages and the
// slowest corpus tests take a sample.
const raceEnabled = true
