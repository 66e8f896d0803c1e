package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// fetcher gets web pages and feeds within the caller's limits.
type fetcher struct {
	client *http.Client
	opts   Options
}

func newFetcher(opts Options) *fetcher {
	if opts.HTTPClient != nil {
		return &fetcher{client: opts.HTTPClient, opts: opts}
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		Proxy:                  nil, // a proxy would hide the address actually reached
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  opts.Timeout,
		MaxResponseHeaderBytes: 1 << 20,
		MaxIdleConns:           16,
		IdleConnTimeout:        30 * time.Second,
	}
	client := &http.Client{
		Transport: transport,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects", opts.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
			}
			return nil
		},
	}
	return &fetcher{client: client, opts: opts}
}

// refusePrivate runs at dial time on the resolved address, so a host name
// that resolves to an internal address, or a redirect to one, is refused
// too.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return refusedError{address}
	}
	if !PublicAddr(ap.Addr()) {
		return refusedError{ap.Addr().String()}
	}
	return nil
}

// refusedError names the address a fetch was not allowed to reach.
type refusedError struct{ addr string }

func (e refusedError) Error() string {
	return "refused to connect to " + e.addr + ": loopback, private or link-local address (use --allow-private)"
}

func (e refusedError) Is(target error) bool { return target == ErrRefused }

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// PublicAddr reports whether a fetch may reach addr without --allow-private.
func PublicAddr(addr netip.Addr) bool {
	addr = addr.Unmap()
	return addr.IsValid() && !addr.IsLoopback() && !addr.IsPrivate() && !addr.IsLinkLocalUnicast() &&
		!addr.IsLinkLocalMulticast() && !addr.IsUnspecified() && !addr.IsMulticast() &&
		!addr.IsInterfaceLocalMulticast() && !cgnat.Contains(addr) && !(addr.Is4() && addr.As4()[0] == 0)
}

// response is a fetched body with what the server said about it.
type response struct {
	body        []byte
	contentType string
	url         string // after redirects
}

// get fetches rawURL, refusing bodies over the size cap.
func (f *fetcher) get(ctx context.Context, rawURL string) (response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return response{}, fmt.Errorf("not an http(s) URL: %q", rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return response{}, fmt.Errorf("request: %w", err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		return response{}, fetchError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return response{}, fmt.Errorf("http status %s", resp.Status)
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return response{}, fmt.Errorf("%w: %d bytes > %d", ErrTooLarge, resp.ContentLength, f.opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return response{}, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return response{}, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, f.opts.MaxBytes)
	}
	return response{body: body, contentType: resp.Header.Get("Content-Type"), url: resp.Request.URL.String()}, nil
}

// fetchError shortens the client's error to its cause, keeping ErrRefused
// testable.
func fetchError(err error) error {
	var refused refusedError
	if errors.As(err, &refused) {
		return refused
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("fetch timed out: %w", ue.Err)
		}
		return fmt.Errorf("fetch: %w", ue.Err)
	}
	return fmt.Errorf("fetch: %w", err)
}
