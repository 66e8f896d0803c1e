package cli

import (
	"fmt"
	"sync"

	"github.com/sitrep-org/sitrep/internal/article"
	"github.com/sitrep-org/sitrep/internal/extract"
	"github.com/sitrep-org/sitrep/internal/incident"
)

// defaultExtractor codes incidents with sitrep's embedded resources. They
// are loaded on the first article, so an ingest that stores nothing new
// (every input a duplicate or rejected early) still pays for the gazetteer
// only once and commands that never extract do not pay at all.
func defaultExtractor() extractFunc {
	var (
		once sync.Once
		res  extract.Resources
		err  error
	)
	return func(a article.Article) ([]incident.Incident, error) {
		once.Do(func() { res, err = extract.DefaultResources() })
		if err != nil {
			return nil, fmt.Errorf("load extraction resources: %w", err)
		}
		return extract.Extract(a, res)
	}
}
