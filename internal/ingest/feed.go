package ingest

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/sitrep-org/sitrep/internal/article"
)

// summaryWords: an item body shorter than this, without full content, is
// only a teaser, and the item's link is fetched for the article.
const summaryWords = 150

// loadFeed emits one result per item of an RSS, Atom or JSON feed.
func (l *Loader) loadFeed(ctx context.Context, name string, data []byte, emit func(Result)) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		emit(Result{Input: name, Err: fmt.Errorf("%s: %w: %w", name, ErrNotFeed, err)})
		return
	}
	outlet := strings.TrimSpace(feed.Title)
	for i, item := range feed.Items {
		source := fmt.Sprintf("%s#%d", name, i+1)
		input := strings.TrimSpace(source + " " + item.Link)
		if err := ctx.Err(); err != nil {
			emit(Result{Input: input, Err: inputError(input, err)})
			return
		}
		a, err := l.feedItem(ctx, source, outlet, item)
		l.emitArticle(input, emit)(a, err)
	}
}

// feedItem builds one item's article: from its own content when it has the
// full text, else from the page its link points to. The feed's title,
// outlet and date are trusted over the page's.
func (l *Loader) feedItem(ctx context.Context, source, outlet string, item *gofeed.Item) (article.Article, error) {
	body := item.Content
	if strings.TrimSpace(body) == "" {
		body = item.Description
	}
	text := fragmentText(body)
	title := normalizeLine(fragmentText(item.Title))
	p := page{name: source, url: item.Link, format: "feed", encoding: "utf-8", title: title, text: text}
	if item.Content == "" && len(strings.Fields(text)) < summaryWords && absoluteURL(item.Link) != "" {
		fetched, err := l.linkedPage(ctx, item.Link)
		if err != nil {
			return article.Article{}, fmt.Errorf("summary-only item, fetching its link: %w", err)
		}
		p = fetched
		p.name = source
		if p.title == "" {
			p.title = title
		}
	} else if title != "" {
		p.text = title + "\n\n" + text
	}
	if outlet != "" {
		p.outlet, p.outletFrom = outlet, "feed"
	}
	if t := item.PublishedParsed; t != nil {
		p.published = &article.Published{Time: dayOf(*t), Precision: article.PrecisionDay, From: "feed"}
	} else if t := item.UpdatedParsed; t != nil {
		p.published = &article.Published{Time: dayOf(*t), Precision: article.PrecisionDay, From: "feed", Note: "feed gives only an update time"}
	}
	return fromPage(p, l.opts)
}

// linkedPage fetches a feed item's link and extracts its page.
func (l *Loader) linkedPage(ctx context.Context, link string) (page, error) {
	resp, err := l.fetch.get(ctx, link)
	if err != nil {
		return page{}, err
	}
	if sniff(resp.url, resp.body, resp.contentType) == formatText {
		text, enc, err := decodeText(resp.body, resp.contentType, false)
		if err != nil {
			return page{}, err
		}
		return page{url: resp.url, text: text, encoding: enc, format: "feed"}, nil
	}
	p, err := htmlPage(link, resp.url, resp.body, resp.contentType)
	p.format = "feed"
	return p, err
}
