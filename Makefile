# crosscheck: compare news articles about one story and brief an editor on where they disagree.
GO ?= go
SEEDS ?= seeds
OUT ?= out

.PHONY: report test bench lint fuzz eval build

build: ## build the binary into bin/
	$(GO) build -o bin/crosscheck ./cmd/crosscheck

report: ## compare the seed articles, write out/ (briefing.md, briefing.html, findings.json, findings.sarif); gate on unreviewed high flags
	$(GO) run ./cmd/crosscheck -out $(OUT) -fail-on high $(SEEDS)

test: ## run every test
	$(GO) vet ./...
	$(GO) test -count=1 ./...

eval: ## score the tool on the annotated cases in testdata/eval and the seeds
	$(GO) run ./cmd/crosscheck eval -json $(OUT)/eval.json seeds/case.yaml $(wildcard testdata/eval/*/case.yaml)

bench: ## stage benchmarks (BenchmarkLoad, Extract, Compare, Render), then end-to-end runs on generated corpora (scripts/bench.sh)
	$(GO) test -run '^$$' -bench . -benchmem ./...
	GO=$(GO) sh scripts/bench.sh

lint: ## gofmt and go vet
	@test -z "$$(gofmt -l .)" || (gofmt -l .; exit 1)
	$(GO) vet ./...

fuzz: ## run each fuzz target for a minute
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime 60s ./source
	$(GO) test -run '^$$' -fuzz FuzzSplit -fuzztime 60s ./source
	$(GO) test -run '^$$' -fuzz FuzzQuantities -fuzztime 60s ./facts
	$(GO) test -run '^$$' -fuzz FuzzTokenize -fuzztime 60s ./facts
	$(GO) test -run '^$$' -fuzz FuzzExtractDates -fuzztime 60s ./facts
	$(GO) test -run '^$$' -fuzz FuzzCompare -fuzztime 60s ./compare
	$(GO) test -run '^$$' -fuzz FuzzReviews -fuzztime 60s ./review
