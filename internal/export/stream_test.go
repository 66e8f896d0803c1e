package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-org/sitrep/internal/incident"
)

// pager serves n generated incidents in pages, failing at page failAt.
type pager struct {
	n, failAt, calls int
}

func (p *pager) Incidents(_ context.Context, f incident.Filter) (incident.Page, error) {
	p.calls++
	if p.failAt > 0 && p.calls == p.failAt {
		return incident.Page{}, errors.New("disk gone")
	}
	start := 0
	if f.Cursor != "" {
		start, _ = strconv.Atoi(f.Cursor)
	}
	end := min(start+f.Limit, p.n)
	var page incident.Page
	for i := start; i < end; i++ {
		page.Incidents = append(page.Incidents, incident.Incident{EventID: fmt.Sprintf("E%d", i)})
	}
	if end < p.n {
		page.Next = strconv.Itoa(end)
	}
	return page, nil
}

func TestStream(t *testing.T) {
	tests := []struct {
		name           string
		n, max, failAt int
		want           int
		wantErr        bool
	}{
		{"empty", 0, 0, 0, 0, false},
		{"one page", 10, 0, 0, 10, false},
		{"several pages", 2*PageSize + 5, 0, 0, 2*PageSize + 5, false},
		{"capped", 2*PageSize + 5, 1500, 0, 1500, false},
		{"store fails on page 2", 2*PageSize + 5, 0, 2, PageSize, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			n, err := Stream(context.Background(), &pager{n: tc.n, failAt: tc.failAt}, incident.Filter{}, NewJSONLWriter(&buf), tc.max)
			if (err != nil) != tc.wantErr || n != tc.want {
				t.Fatalf("Stream = %d, %v; want %d, error %v", n, err, tc.want, tc.wantErr)
			}
			if !tc.wantErr && strings.Count(buf.String(), "\n") != tc.want {
				t.Errorf("wrote %d lines, want %d", strings.Count(buf.String(), "\n"), tc.want)
			}
		})
	}
}

func TestCollect(t *testing.T) {
	tests := []struct {
		name           string
		n, max, failAt int
		want           int
		wantErr        error
	}{
		{"empty", 0, 0, 0, 0, nil},
		{"several pages in order", 2*PageSize + 5, 0, 0, 2*PageSize + 5, nil},
		{"within the bound", PageSize, PageSize, 0, PageSize, nil},
		{"over the bound", PageSize + 1, PageSize, 0, 0, incident.ErrInvalid},
		{"store fails on page 2", 2 * PageSize, 0, 2, 0, errors.New("any")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Collect(context.Background(), &pager{n: tc.n, failAt: tc.failAt}, incident.Filter{}, tc.max)
			if (err != nil) != (tc.wantErr != nil) {
				t.Fatalf("Collect error %v, want %v", err, tc.wantErr)
			}
			if errors.Is(tc.wantErr, incident.ErrInvalid) && !errors.Is(err, incident.ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			if len(got) != tc.want {
				t.Fatalf("Collect returned %d incidents, want %d", len(got), tc.want)
			}
			for i, in := range got {
				if in.EventID != fmt.Sprintf("E%d", i) {
					t.Fatalf("incident %d is %s: pages out of order", i, in.EventID)
				}
			}
		})
	}
}
