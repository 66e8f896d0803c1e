package gazetteer

// Seat reports whether name is a seat of government ("the Kremlin", "the
// White House", "Downing Street"). Reports name these for the government
// that sits there as often as for the place ("the Kremlin denied ..."), so
// a reader locating events treats them as places only where the text says
// something happened there.
func (g *Gazetteer) Seat(name string) bool {
	return g.seats[Normalize(name)]
}
