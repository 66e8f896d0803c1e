package gazetteer

import "testing"

// TestRegionAlternatesNameNoOtherRegion checks that a first-level region
// is not found by another region's name of the same country, or by the
// name of a town in another region, which Natural Earth lists among some
// regions' alternates (Eastern Darfur carries "Southern Darfur",
// Tungurahua "Napo", Nouvelle-Aquitaine "Paris"), nor by a name that
// several regions carry and that is not near its own name (Occitanie and
// Bourgogne-Franche-Comté both carry "Upper Normandy"; Daykundi, split
// from Uruzgan, carries Uruzgan's names).
func TestRegionAlternatesNameNoOtherRegion(t *testing.T) {
	g := loadTest(t)
	for name, wrong := range map[string]string{"Paktiya": "AF.29", "Southern Darfur": "SD.60", "Napo": "EC.19", "Parwan": "AF.42",
		"Paris": "FR.75", "Skopje": "MK.79", "Saint Petersburg": "RU.42", "Charikar": "AF.42",
		"Uruzgan": "AF.41", "Taegu": "KR.14", "Upper Normandy": "FR.76"} {
		for _, i := range g.lookup(Normalize(name)) {
			if p := g.place(i); p.Kind == "A.ADM1" && p.Admin1Code == wrong {
				t.Errorf("%q finds %s (%s), another region", name, p.Name, wrong)
			}
		}
	}
}
