# sitrep build, test and evaluation targets. `make demo` and `make test` are
# the README's quick start.
GO      ?= go
BIN     ?= bin/sitrep
SHARED  ?= ../shared
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: build web demo test lint bench eval eval-geo eval-events eval-bodies clean

build: web
	@mkdir -p out
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/sitrep

# demo ingests the bundled sample articles into a fresh database and prints
# what it stored.
demo: build
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN) --db demo.db ingest --manifest samples/manifest.json samples/articles/
	@echo
	$(BIN) --db demo.db articles list
	@echo
	$(BIN) --db demo.db articles search Mosul
	@echo
	$(BIN) --db demo.db export --format table

test: web
	cd web && npm run check
	$(GO) test -race -count=1 ./...

lint:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt:"; echo "$$out"; exit 1; fi
	@if command -v staticcheck >/dev/null; then staticcheck ./...; fi

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# web bundles the dashboard (npm: leaflet, uplot; esbuild) into the folder
# the server embeds.
web:
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build

# eval scores extraction on the five seed articles against their gold.
eval: build
	$(BIN) extract --manifest $(SHARED)/gold/seeds.manifest.json --format jsonl $(SHARED)/seeds/*.txt > out/seeds.jsonl
	python3 $(SHARED)/eval/score.py $(SHARED)/gold/seeds.gold.json out/seeds.jsonl

# eval-geo measures toponym resolution on GeoWebNews, LGL and TR-News.
eval-geo: build
	$(BIN) eval geo --datasets $(SHARED)/datasets

# eval-events measures event typing on the CASE 2021 task 2 snippets.
eval-events: build
	$(BIN) eval events --datasets $(SHARED)/datasets

# eval-bodies measures article body extraction on the 181-page benchmark.
eval-bodies: build
	$(BIN) eval bodies --datasets $(SHARED)/datasets

clean:
	rm -rf bin demo.db demo.db-wal demo.db-shm
