package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep-org/sitrep/internal/article"
)

// jsonlRecord is one line of a bulk import.
type jsonlRecord struct {
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Text      string  `json:"text"`
	HTML      string  `json:"html"`
	Published *string `json:"published"`
	Outlet    string  `json:"outlet"`
}

// loadJSONL emits one result per non-blank line, named "file:line".
func (l *Loader) loadJSONL(ctx context.Context, name string, data []byte, emit func(Result)) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), int(l.opts.MaxBytes)+1)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		input := fmt.Sprintf("%s:%d", name, n)
		if err := ctx.Err(); err != nil {
			emit(Result{Input: input, Err: inputError(input, err)})
			return
		}
		l.emitArticle(input, emit)(l.jsonlRecord(input, line))
	}
	if err := sc.Err(); err != nil {
		emit(Result{Input: name, Err: inputError(name, fmt.Errorf("read jsonl: %w", err))})
	}
}

func (l *Loader) jsonlRecord(input string, line []byte) (article.Article, error) {
	var r jsonlRecord
	if err := json.Unmarshal(line, &r); err != nil {
		return article.Article{}, fmt.Errorf("invalid JSON: %w", err)
	}
	p, err := l.recordPage(input, r)
	if err != nil {
		return article.Article{}, err
	}
	if o := strings.TrimSpace(r.Outlet); o != "" {
		p.outlet, p.outletFrom = o, "jsonl"
	}
	if r.Published != nil && strings.TrimSpace(*r.Published) != "" {
		t, err := parseGivenDate(*r.Published)
		if err != nil {
			return article.Article{}, fmt.Errorf("published: %w", err)
		}
		p.published = &article.Published{Time: t, Precision: article.PrecisionDay, From: "jsonl"}
	}
	p.format = "jsonl"
	return fromPage(p, l.opts)
}

func (l *Loader) recordPage(input string, r jsonlRecord) (page, error) {
	title := normalizeLine(r.Title)
	switch {
	case strings.TrimSpace(r.HTML) != "":
		p, err := htmlPage(input, absoluteURL(r.URL), []byte(r.HTML), "text/html; charset=utf-8")
		if err == nil && p.title == "" {
			p.title = title
		}
		return p, err
	case strings.TrimSpace(r.Text) != "":
		text, _, err := finishText([]byte(r.Text), "utf-8")
		if err != nil {
			return page{}, err
		}
		if title != "" && !strings.HasPrefix(normalizeLine(text), title) {
			text = title + "\n\n" + text
		}
		return page{name: input, url: absoluteURL(r.URL), text: text, encoding: "utf-8", title: title}, nil
	}
	return page{}, errors.New("record has neither text nor html")
}
