# sitrep build, test and evaluation targets. `make demo` and `make test` are
# the README's quick start.
GO      ?= go
BIN     ?= bin/sitrep
SHARED  ?= ../shared
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: build demo test lint bench eval eval-geo eval-events fuzz clean

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/sitrep

# demo ingests the bundled sample articles into a fresh database and prints
# what it stored.
demo: build
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN) --db demo.db ingest samples/
	$(BIN) --db demo.db articles list

test:
	$(GO) test -race -count=1 ./...

lint:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt:"; echo "$$out"; exit 1; fi
	@if command -v staticcheck >/dev/null; then staticcheck ./...; fi

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin demo.db demo.db-wal demo.db-shm
