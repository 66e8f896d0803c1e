package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
)

func TestTableWriter(t *testing.T) {
	var buf bytes.Buffer
	w := NewTableWriter(&buf)
	rows := []incident.Incident{
		{EventID: "a", EventDate: "2024-03-05", Country: "Nigeria", Admin1: "Borno", Location: "Damboa",
			SubEventType: "Attack", Actor1: "Unidentified Armed Group (Nigeria)", Actor2: "Civilians (Nigeria)",
			Fatalities: incident.Int(6), Source: "Example Wire"},
		{EventID: "b", Country: "Mali", SubEventType: "Armed clash", Actor1: "JNIM\twith a tab",
			Wounded: incident.Int(0)},
	}
	for i := range rows {
		if err := w.Write(&rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want header + 2:\n%s", len(lines), buf.String())
	}
	if !strings.HasPrefix(lines[0], "DATE") || !strings.Contains(lines[0], "KILLED") {
		t.Errorf("header = %q", lines[0])
	}
	if !strings.Contains(lines[1], "Damboa") || !strings.Contains(lines[1], " 6 ") {
		t.Errorf("first row = %q", lines[1])
	}
	// An undated incident says so; unreported figures are "-", a reported zero is 0.
	if !strings.HasPrefix(lines[2], "unknown") || !strings.Contains(lines[2], " -  ") || !strings.Contains(lines[2], " 0 ") {
		t.Errorf("second row = %q", lines[2])
	}
	if strings.Contains(lines[2], "\t") {
		t.Errorf("a tab in a cell leaked into the table: %q", lines[2])
	}
}

func TestClip(t *testing.T) {
	if got := clip("Jama'at Nusrat al-Islam wal-Muslimin", 10); got != "Jama'at N…" || len([]rune(got)) != 10 {
		t.Errorf("clip = %q", got)
	}
	if got := clip("short", 10); got != "short" {
		t.Errorf("clip = %q", got)
	}
}
