package alert

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// State remembers the alerts already delivered, by key.
type State struct {
	Sent map[string]time.Time `json:"sent"`
}

// StatePath is where watch keeps its state for a database: next to it, so
// two databases never share one memory of what was sent.
func StatePath(db string) string { return db + ".alerts.json" }

// LoadState reads a state file; a missing file is an empty state.
func LoadState(path string) (State, error) {
	st := State{Sent: map[string]time.Time{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("alert: read state: %w", err)
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return st, fmt.Errorf("alert: parse state %s: %w", path, err)
	}
	if st.Sent == nil {
		st.Sent = map[string]time.Time{}
	}
	return st, nil
}

// Save writes the state atomically: a temporary file in the same folder,
// synced, then renamed over the old one, so a crash leaves either the old
// state or the new, never half of one.
func (s State) Save(path string) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("alert: encode state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("alert: save state: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("alert: save state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("alert: save state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("alert: save state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("alert: save state: %w", err)
	}
	return nil
}
