# madoguchi — make targets. `make demo` runs the app on demo data; `make test` runs the tests.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
BIN     := bin/madoguchi

.PHONY: build run demo test test-crash fuzz bench fmt lint dist clean

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/madoguchi

run: build
	./$(BIN)

demo: build
	./$(BIN) --demo

test:
	$(GO) vet ./...
	$(GO) test -race ./...

# the crash test: a child process writing records is killed with SIGKILL at random moments,
# then the database is checked (make test runs a few trials; this runs at least 100)
test-crash:
	MADOGUCHI_CRASH_TRIALS=100 $(GO) test -run 'TestCrash' -count=1 -timeout 30m ./store/

# every fuzz target for 30 s each (seed corpora live in testdata/fuzz)
fuzz:
	bash .ci/fuzz

bench:
	@dir=$$(mktemp -d "$${TMPDIR:-/tmp}/madoguchi-bench.XXXXXX") || exit 1; \
	trap 'rm -rf "$$dir"' EXIT; trap 'exit 130' INT TERM; \
	export MADOGUCHI_BENCH_DIR="$$dir"; \
	{ $(GO) test -p 1 -run '^$$' -bench . -benchtime 1s -timeout 20m ./...; echo $$? >"$$dir/rc"; } 2>&1 | tee "$$dir/out.txt"; \
	( cd bench/sqlite && $(GO) test -run '^$$' -bench . -benchtime 1s -timeout 20m .; echo $$? >"$$dir/rc-sqlite" ) 2>&1 | tee -a "$$dir/out.txt"; \
	$(GO) run ./bench/summary "$$dir/out.txt"; sum=$$?; \
	[ "$$(cat "$$dir/rc")" = 0 ] && [ "$$(cat "$$dir/rc-sqlite")" = 0 ] && [ $$sum = 0 ]

fmt:
	gofmt -w .

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

dist:
	GOOS=linux GOARCH=amd64 $(GO) build -ldflags "$(LDFLAGS)" -o dist/madoguchi-linux-amd64 ./cmd/madoguchi
	GOOS=windows GOARCH=amd64 $(GO) build -ldflags "$(LDFLAGS)" -o dist/madoguchi-windows-amd64.exe ./cmd/madoguchi

clean:
	rm -rf bin dist
