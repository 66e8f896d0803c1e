package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Webhook posts alerts as JSON. A failed post is retried with exponential
// backoff (BaseDelay, doubling, capped at MaxDelay) up to MaxAttempts times;
// a 4xx other than 408 and 429 is the receiver refusing the payload and is
// not retried.
type Webhook struct {
	URL         string
	Client      *http.Client
	MaxAttempts int
	BaseDelay   time.Duration
	MaxDelay    time.Duration
	UserAgent   string
	// Sleep waits between attempts; nil uses a timer that honours ctx.
	// Tests pass a recorder.
	Sleep func(ctx context.Context, d time.Duration) error
}

// NewWebhook returns a webhook with sitrep's defaults: five attempts,
// waits of 1, 2, 4 and 8 seconds, a 10-second timeout per post.
func NewWebhook(url string) *Webhook {
	return &Webhook{
		URL:         url,
		Client:      &http.Client{Timeout: 10 * time.Second},
		MaxAttempts: 5,
		BaseDelay:   time.Second,
		MaxDelay:    30 * time.Second,
		UserAgent:   "sitrep-watch",
	}
}

// errPermanent marks a failure retrying cannot fix.
var errPermanent = errors.New("not retried")

// Send posts one alert, retrying as configured.
func (w *Webhook) Send(ctx context.Context, a Alert) error {
	body, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("alert: encode %s: %w", a.Key, err)
	}
	delay := w.BaseDelay
	var last error
	for attempt := 1; attempt <= max(w.MaxAttempts, 1); attempt++ {
		if attempt > 1 {
			if err := w.sleep(ctx, delay); err != nil {
				return fmt.Errorf("alert: post %s: %w (last failure: %w)", a.Key, err, last)
			}
			delay = min(delay*2, w.MaxDelay)
		}
		last = w.post(ctx, body)
		if last == nil {
			return nil
		}
		if errors.Is(last, errPermanent) || ctx.Err() != nil {
			break
		}
	}
	return fmt.Errorf("alert: post %s: %w", a.Key, last)
}

func (w *Webhook) post(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("build request: %w: %w", err, errPermanent)
	}
	req.Header.Set("Content-Type", "application/json")
	if w.UserAgent != "" {
		req.Header.Set("User-Agent", w.UserAgent)
	}
	client := w.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return nil
	case resp.StatusCode == http.StatusRequestTimeout, resp.StatusCode == http.StatusTooManyRequests, resp.StatusCode >= 500:
		return fmt.Errorf("webhook answered %s", resp.Status)
	default:
		return fmt.Errorf("webhook answered %s: %w", resp.Status, errPermanent)
	}
}

func (w *Webhook) sleep(ctx context.Context, d time.Duration) error {
	if w.Sleep != nil {
		return w.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
