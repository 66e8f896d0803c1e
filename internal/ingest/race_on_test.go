//go:build race

package ingest

// raceEnabled: the race detector makes extraction about ten times slower,
// so tests over the real benchmark pages take a sample.
const raceEnabled = true
