package gazetteer

import "testing"

// TestFindPersonNames checks that the names of people in conflict
// reporting (given names, titles, kunyas, family names opened by an
// article or a patronymic particle) are not read as places, while places
// whose names open with the same words still are.
func TestFindPersonNames(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name string
		text string
		want []found
	}{
		{
			name: "a name does not end in an article written apart",
			text: "Rashid Al Hamad, a spokesman for the governor of Nineveh, said Mosul was calm.",
			want: []found{{"Nineveh", "IQ.15", "IQ", 3}, {"Mosul", "IQ.15", "IQ", 1}},
		},
		{
			name: "a given name and an article before a family name",
			text: "Ahmed al-Sharaa addressed a crowd in Damascus. Police said Ali Al Qaim, 34, was arrested in Basra.",
			want: []found{{"Damascus", "SY.13", "SY", 1}, {"Basra", "IQ.02", "IQ", 1}},
		},
		{
			name: "a patronymic particle after a name",
			text: "Abdullah ibn Saud was the local commander.",
			want: nil,
		},
		{
			name: "a nisba says where a person comes from, a town after a preposition stays a town",
			text: "Younis al-Mosuli said the road to Mosul was cut. Abu Hamza al-Iraqi was not seen again. Forces retook al-Ramadi.",
			want: []found{{"Mosul", "IQ.15", "IQ", 1}, {"al-Ramadi", "IQ.01", "IQ", 1}},
		},
		{
			name: "a kunya before a family name",
			text: "Abu Hassan al-Muhajir, the group's spokesman, released a statement.",
			want: nil,
		},
		{
			name: "given names from Nigeria",
			text: "Musa Bello of the local council said gunmen stormed Zurmi. Mourners buried Yakubu Danjuma and Ibrahim Sani, two farmers from Zurmi.",
			want: []found{{"Zurmi", "NG.57", "NG", 1}, {"Zurmi", "NG.57", "NG", 1}},
		},
		{
			name: "women's given names before a surname that is a town",
			text: "Halima Bama, a teacher, was abducted from her school in Chibok.",
			want: []found{{"Chibok", "NG.27", "NG", 1}},
		},
		{
			name: "a surname that is a port abroad",
			text: "Fatuma Aden, a mother of five, fled the fighting in Baidoa.",
			want: []found{{"Baidoa", "SO.04", "SO", 1}},
		},
		{
			name: "titles and given names from the Gulf and Iran",
			text: "Emir Tamim met the envoy in Doha. Reza Pahlavi spoke to exiles far from Tehran.",
			want: []found{{"Doha", "QA.01", "QA", 1}, {"Tehran", "IR.26", "IR", 1}},
		},
		{
			name: "capitals do not take a trailing article into a name",
			text: "TALIBAN SEIZE KUNDUZ AS GOVERNMENT FORCES RETREAT",
			want: []found{{"KUNDUZ", "AF.24", "AF", 1}},
		},
		{
			name: "places opening with an article, Abu, Ras or Tal stay places",
			text: "Officials in Ramadi and al-Qaim said the border was closed. Fighters from Ras al-Ain and Tal Abyad fled to Hasakah.",
			want: []found{{"Ramadi", "IQ.01", "IQ", 1}, {"al-Qaim", "IQ.01", "IQ", 1}, {"Ras al-Ain", "SY.01", "SY", 1},
				{"Tal Abyad", "SY.04", "SY", 1}, {"Hasakah", "SY.01", "SY", 1}},
		},
		{
			name: "more places that open like names",
			text: "Prisoners rioted at Abu Ghraib west of Baghdad. Militants withdrew from Tal Afar as Kurdish units entered Deir ez-Zor.",
			want: []found{{"Abu Ghraib", "IQ.07", "IQ", 1}, {"Baghdad", "IQ.07", "IQ", 2}, {"Tal Afar", "IQ.15", "IQ", 1},
				{"Deir ez-Zor", "SY.07", "SY", 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFind(t, g, tt.text, tt.want)
		})
	}
}

// TestFindEzafeCompounds checks that a name joined by hyphenated linking
// particles is one mention: looked up with the particle's other
// spellings, and when unknown, a part of the town the text ties it to.
func TestFindEzafeCompounds(t *testing.T) {
	g := loadTest(t)
	tests := []struct {
		name string
		text string
		want []found
	}{
		{
			name: "an unknown compound is one part of the town",
			text: "A suicide bomber struck Kabul's Dasht-e-Barchi neighbourhood.",
			want: []found{{"Kabul", "AF.13", "AF", 2}, {"Dasht-e-Barchi", "AF.13", "AF", 2}},
		},
		{
			name: "an unknown compound with no town is nothing, not its words",
			text: "Gunmen stormed a wedding hall in Dasht-e-Barchi on Sunday.",
			want: nil,
		},
		{
			name: "known compounds as written",
			text: "Blasts shook Pul-e-Khumri, the capital of Baghlan. Officials in Mazar-e-Sharif said the road to Shibirghan was closed.",
			want: []found{{"Pul-e-Khumri", "AF.03", "AF", 1}, {"Baghlan", "AF.03", "AF", 3},
				{"Mazar-e-Sharif", "AF.30", "AF", 1}, {"Shibirghan", "AF.31", "AF", 1}},
		},
		{
			name: "known compounds with the particle spelt the other way",
			text: "Taliban fighters entered Mazar-i-Sharif on Saturday.",
			want: []found{{"Mazar-i-Sharif", "AF.30", "AF", 1}},
		},
		{
			name: "a compound before a type word",
			text: "Fighting spread to Sar-e-Pul province. Forces advanced on Qala-i-Naw in Badghis.",
			want: []found{{"Sar-e-Pul province", "AF.33", "AF", 3}, {"Qala-i-Naw", "AF.02", "AF", 1}, {"Badghis", "AF.02", "AF", 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFind(t, g, tt.text, tt.want)
		})
	}
}
