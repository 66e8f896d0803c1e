package gazetteer

// AnyWithin is a debugging aid: whether any candidate of name lies within km.
func (g *Gazetteer) AnyWithin(name string, lat, lon, km float64) bool {
	for _, i := range g.lookup(Normalize(name)) {
		if Distance(lat, lon, g.entries[i].Lat, g.entries[i].Lon) <= km {
			return true
		}
	}
	return false
}
