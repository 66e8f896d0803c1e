package server

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// findChromium returns a Chromium binary: $SITREP_CHROMIUM, or the first
// of the usual names on PATH.
func findChromium() string {
	if p := os.Getenv("SITREP_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startServer serves s on a free local port until the test ends.
func startServer(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// browser starts a headless Chromium and collects its console errors and
// uncaught exceptions, so a CSP violation or a script error fails the test.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	bin := findChromium()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium or set SITREP_CHROMIUM); skipping the browser test")
	}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(bin), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first Run starts the browser and must not carry a timeout.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Skipf("cannot start Chromium at %s: %v", bin, err)
	}
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	tctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelTimeout)
	return tctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(problems)
	}
}

func artifactPath(t *testing.T, name string) string {
	dir := os.Getenv("SITREP_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name)
}

// TestDashboardInBrowser loads the dashboard on the demo data in a real
// headless Chromium: every placed incident is on the map (alone or in a
// cluster), clicking one opens its panel with evidence highlighted, and
// markup in article text stays text.
func TestDashboardInBrowser(t *testing.T) {
	if _, ok := dashboardFS(); !ok {
		t.Skip("dashboard bundle not built (run make web); skipping the browser test")
	}
	s, st := newTestServer(t, Options{Store: newSQLiteStore(t)})
	base := startServer(t, s)
	ctx, problems := browser(t)

	placed := 0
	for _, in := range st.incidents {
		if in.Latitude != nil && in.Longitude != nil {
			placed++
		}
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
	)
	if err != nil {
		t.Fatalf("load dashboard: %v (browser: %v)", err, problems())
	}
	onMap, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll("path.sitrep-incident")].length +
		[...document.querySelectorAll(".sitrep-cluster-inner")].reduce((n, e) => n + Number(e.dataset.count), 0)`))
	if err != nil {
		t.Fatal(err)
	}
	if onMap != placed {
		t.Errorf("map shows %d incidents (markers + cluster counts), want %d", onMap, placed)
	}
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#status")))
	if err != nil || !strings.Contains(status, fmt.Sprintf("%d without coordinates", len(st.incidents)-placed)) {
		t.Errorf("status %q (%v) does not count the incidents without coordinates", status, err)
	}

	weeks, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("timeline").dataset.weeks`))
	if weeks != "4" {
		t.Errorf("timeline shows %q weeks, want 4 (26 Feb to 18 Mar 2024)", weeks)
	}
	checkFilter(t, ctx, "Somalia", 2)

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`path.sitrep-incident`)),
		chromedp.WaitVisible(chromedp.CSS(`#panel[data-loaded="true"]`)),
	)
	if err != nil {
		t.Fatalf("open incident: %v (browser: %v)", err, problems())
	}
	panelID, _ := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#panel"), "data-incident"))
	marks, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#panel mark.ev").length`))
	if panelID.Value == "" || marks == 0 {
		t.Errorf("clicking a marker opened incident %q with %d evidence marks", panelID.Value, marks)
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "incident="+panelID.Value) {
		t.Errorf("URL %q does not name the open incident %s", loc, panelID.Value)
	}
	checkEvidence(t, ctx, base, st, "SRX001")
	// The demo's outlets each report a few incidents no other outlet
	// confirms, so every marker is drawn as unverified, SRX001 is
	// unverified and the panel says so.
	verified, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("path.sitrep-incident:not(.unverified)").length`))
	unverified, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("path.sitrep-incident.unverified").length`))
	if verified != 0 || unverified == 0 {
		t.Errorf("markers: %d drawn as verified, %d as unverified; want none and some on the demo data", verified, unverified)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](
		`document.querySelectorAll('#panel .badge.unverified, #panel tr[data-field="unverified"]').length`)); n != 2 {
		t.Errorf("the unverified incident shows %d of its 2 unverified marks (badge, field row)", n)
	}
	if rec, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#panel .sources .record"))); !strings.Contains(rec, "% corroborated") {
		t.Errorf("the source list does not give the outlet's track record: %q", rec)
	}
	// Bring the first highlighted span into view for the screenshot.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`(() => { const m = document.querySelector("#panel mark.ev"); m.scrollIntoView({block: "center"}); return true })()`)); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	shot := artifactPath(t, "dashboard.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
	if p := problems(); len(p) > 0 {
		t.Errorf("browser reported errors (CSP violations or script errors):\n%s", strings.Join(p, "\n"))
	}
}

// checkFilter types a country into the filter form, applies it and counts
// what the map then shows.
func checkFilter(t *testing.T, ctx context.Context, country string, want int) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`input[name="country"]`), country),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
	)
	if err != nil {
		t.Fatalf("filter by %s: %v", country, err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("map").dataset.plotted`))
	if err != nil || got != strconv.Itoa(want) {
		t.Errorf("after filtering by %s the map holds %q incidents, want %d (%v)", country, got, want, err)
	}
	href, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("export-csv").getAttribute("href")`))
	if !strings.Contains(href, "country="+country) {
		t.Errorf("CSV export link %q ignores the filter", href)
	}
}

// checkEvidence opens one incident by deep link and checks that every
// field with evidence is highlighted and labelled, and that the article's
// markup-like text is shown as text.
func checkEvidence(t *testing.T, ctx context.Context, base string, st *memStore, id string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/?incident="+id),
		chromedp.WaitVisible(chromedp.CSS(`#panel[data-loaded="true"]`)),
	)
	if err != nil {
		t.Fatalf("open %s: %v", id, err)
	}
	labels, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...new Set([...document.querySelectorAll("#panel .ev-label")].flatMap(e => e.dataset.fields.split(" ")))].sort()`))
	if err != nil {
		t.Fatal(err)
	}
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#panel .article-text")))
	scripts, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#panel script, #panel img").length`))
	if rings, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("path.sitrep-selected").length`)); rings != 1 {
		t.Errorf("the open incident is ringed %d times on the map, want once", rings)
	}
	in, _ := st.Incident(ctx, id)
	seen := map[string]bool{}
	var want []string
	for _, e := range in.Evidence {
		if !seen[e.Field] {
			seen[e.Field] = true
			want = append(want, e.Field)
		}
	}
	sort.Strings(want)
	if strings.Join(labels, ",") != strings.Join(want, ",") {
		t.Errorf("evidence labels %v, want %v", labels, want)
	}
	if !strings.Contains(text, "<script>") || scripts != 0 {
		t.Errorf("article markup was not rendered as text (script-like text shown: %v, elements: %d)",
			strings.Contains(text, "<script>"), scripts)
	}
}

// TestDashboardEmptyStore loads the dashboard on a store with nothing in
// it: the page must still come up cleanly and say so.
func TestDashboardEmptyStore(t *testing.T) {
	if _, ok := dashboardFS(); !ok {
		t.Skip("dashboard bundle not built (run make web); skipping the browser test")
	}
	st := newMemStore(t)
	st.incidents = nil
	s, err := New(Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	base := startServer(t, s)
	ctx, problems := browser(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
	); err != nil {
		t.Fatalf("load: %v (browser: %v)", err, problems())
	}
	panel, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#panel")))
	if !strings.Contains(panel, "No incidents match") {
		t.Errorf("panel on an empty store says %q", panel)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("browser reported errors:\n%s", strings.Join(p, "\n"))
	}
}

// TestDashboardSignals: the Signals panel lists the one series that is
// resurging with the rule behind it, and picking it narrows the map and the
// filters to that actor and region.
func TestDashboardSignals(t *testing.T) {
	if _, ok := dashboardFS(); !ok {
		t.Skip("dashboard bundle not built (run make web); skipping the browser test")
	}
	st := risingStore(t)
	s, err := New(Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	base := startServer(t, s)
	ctx, problems := browser(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#signals[data-ready="true"]`)),
	); err != nil {
		t.Fatalf("load: %v (browser: %v)", err, problems())
	}
	count, _ := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#signals"), "data-count"))
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#signals")))
	if count.Value != "1" || !strings.Contains(text, "Islamic State | Iraq / Kirkuk") || !strings.Contains(text, "CUSUM") {
		t.Fatalf("signals panel lists %q series: %q", count.Value, text)
	}
	kirkuk := 0
	for _, in := range st.incidents {
		if in.Admin1 == "Kirkuk" {
			kirkuk++
		}
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#signals button.signal`)),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
	); err != nil {
		t.Fatalf("pick signal: %v", err)
	}
	form, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`["actor", "admin1", "country"].map(n => document.querySelector("#filters [name=" + n + "]").value)`))
	if strings.Join(form, "|") != "Islamic State|Kirkuk|Iraq" {
		t.Errorf("after picking the signal the filters are %q", form)
	}
	plotted, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("map").dataset.plotted`))
	if plotted != strconv.Itoa(kirkuk) {
		t.Errorf("map holds %s incidents after picking the signal, want %d", plotted, kirkuk)
	}
	if active, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#signals .signal.active").length`)); active != 1 {
		t.Errorf("%d signals marked active, want 1", active)
	}
	if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
		shot := artifactPath(t, "dashboard-signals.png")
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", shot)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("browser reported errors:\n%s", strings.Join(p, "\n"))
	}
}

// TestDashboardRevisions: with a store that keeps history, the incident
// panel lists an analyst's correction with its reason.
func TestDashboardRevisions(t *testing.T) {
	if _, ok := dashboardFS(); !ok {
		t.Skip("dashboard bundle not built (run make web); skipping the browser test")
	}
	s, hs := newHistoryServer(t)
	if _, err := hs.Correct(context.Background(), incident.Correction{
		IncidentID: "SRX001", Field: "fatalities", Value: "5", Why: "a later official toll", Author: "analyst",
	}); err != nil {
		t.Fatal(err)
	}
	base := startServer(t, s)
	ctx, problems := browser(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/?incident=SRX001"),
		chromedp.WaitVisible(chromedp.CSS(`#panel[data-loaded="true"]`)),
	); err != nil {
		t.Fatalf("open SRX001: %v (browser: %v)", err, problems())
	}
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#panel .revisions")))
	if !strings.Contains(text, "Revisions (1)") || !strings.Contains(text, "fatalities") || !strings.Contains(text, "a later official toll") {
		t.Errorf("revisions section reads %q", text)
	}

	// A link to an incident merged away leads to the one that absorbed it.
	if _, err := hs.MergeIncidents(context.Background(), "SRX001", "SRX002", "one raid"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/?incident=SRX002"),
		chromedp.WaitVisible(chromedp.CSS(`#panel button.follow-merge`)),
		chromedp.Click(chromedp.CSS(`#panel button.follow-merge`)),
		chromedp.WaitVisible(chromedp.CSS(`#panel[data-incident="SRX001"][data-loaded="true"]`)),
	); err != nil {
		t.Errorf("following a merged-away incident: %v", err)
	}
	// The 410 for the merged-away incident is expected; anything else is not.
	var unexpected []string
	for _, p := range problems() {
		if !strings.Contains(p, "status of 410") {
			unexpected = append(unexpected, p)
		}
	}
	if len(unexpected) > 0 {
		t.Errorf("browser reported errors:\n%s", strings.Join(unexpected, "\n"))
	}
}
