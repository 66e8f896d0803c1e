package ingest

import "testing"

func TestOutletFromText(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
		rule  string
	}{
		{"home page promo", []string{"Visit The Daily Courier's home page for more stories."}, "The Daily Courier", "home-page-promo"},
		{"home page promo without possessive", []string{"Visit the Harbour Post home page for more stories"}, "Harbour Post", "home-page-promo"},
		{"location dateline with own outlet", []string{"NIAMEY, Oct 2, 2023 (Sahel Ledger) –"}, "Sahel Ledger", "wire-dateline"},
		{"syndication notice", []string{"Read the original article on Harbour Times."}, "Harbour Times", "original-article"},
		{"comment policy", []string{"Some text.", "Kurdistan Chronicle moderates all comments submitted on our website."}, "Kurdistan Chronicle", "comment-policy"},
		{"rights reserved to", []string{"All publishing rights and copyrights reserved to Levant Policy Institute"}, "Levant Policy Institute", "copyright-reserved"},
		{"copyright line", []string{"© 2022 Harbour Times. All rights reserved."}, "Harbour Times", "copyright"},
		{"wire dateline", []string{"KABUL (Reuters) - Gunmen attacked a bank on Sunday."}, "Reuters", "wire-dateline"},
		{"agency credit", []string{"Sahel News Agency (SNA): Fighting resumed near the border on Friday."}, "Sahel News Agency", "agency-credit"},
		{"told twice adds up", []string{"A witness told Delta Radio the shooting lasted an hour.", "The statement was emailed to Delta Radio."}, "Delta Radio", "told-outlet"},
		{"told once is not enough", []string{"The minister told Reuters in March that the threat remained."}, "", ""},
		{"nothing", []string{"Just a sentence about a meeting."}, "", ""},
		{"newsletter sign-up", []string{"Body text here.", "Sign up for the Coastal Ledger's weekly newsletter"}, "Coastal Ledger", "newsletter"},
		{"newsletter plural possessive", []string{"Subscribe to Harbour Times' free daily newsletter."}, "Harbour Times", "newsletter"},
		{"follow on social media", []string{"Gunfire was heard overnight.", "Follow Savanna Wire on social media for updates"}, "Savanna Wire", "follow-us"},
		{"follow with told adds up", []string{"A doctor told the Plateau Herald two men died.", "Follow the Plateau Herald on Telegram"}, "Plateau Herald", "follow-us"},
		{"byline with outlet", []string{"By Amina Yusuf, Sahel Ledger", "Fighting resumed on Friday."}, "Sahel Ledger", "byline"},
		{"byline with role is not an outlet", []string{"By Amina Yusuf, Staff Writer"}, "", ""},
		{"byline pipe", []string{"Ceasefire holds for a second day", "By Omar K. Haddad | The Cedar Review"}, "Cedar Review", "byline"},
		{"title pipe suffix", []string{"Clashes erupt near the northern border | River Post", "Body."}, "River Post", "title-suffix"},
		{"breadcrumb is not a headline", []string{"Middle East News | Iraq", "Body."}, "", ""},
		{"title pipe only in the headline", []string{"Headline about clashes", "Some body text | Other Things"}, "", ""},
		{"empty title suffix", []string{"Militants attack a checkpoint in the north |", "Body."}, "", ""},
		{"title dash alone is not enough", []string{"Militants attack a checkpoint in the north - Mountain Times"}, "", ""},
		{"title dash with told adds up", []string{"Militants attack a checkpoint in the north - Mountain Times", "An officer told Mountain Times that two died."}, "Mountain Times", "told-outlet"},
		{"copyright with year after", []string{"© Harbour Times 2021"}, "Harbour Times", "copyright"},
		{"told with article once is not enough", []string{"Sources told the Delta Herald the camp was hit."}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rule := OutletFromText(tt.lines)
			if got != tt.want || rule != tt.rule {
				t.Errorf("got %q (%s), want %q (%s)", got, rule, tt.want, tt.rule)
			}
		})
	}
}

func TestOutletFromURL(t *testing.T) {
	for in, want := range map[string]string{"https://www.example.com/a/b": "example.com", "http://News.Example.org": "news.example.org", "not a url": ""} {
		if got := OutletFromURL(in); got != want {
			t.Errorf("OutletFromURL(%q) = %q, want %q", in, got, want)
		}
	}
}
