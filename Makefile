# chansite: `make site` builds the sample site, `make test` runs every test.
# Both install what is missing first (Debian/Ubuntu packages; sudo when not root).

APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev pkg-config python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift

.PHONY: site test deps release debug bench clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

release: deps
	$(SWIFT) build -c release --product chansite

debug: deps
	$(SWIFT) build

site: release
	.build/release/chansite build

test: debug
	$(SWIFT) test

bench: release
	scripts/bench-build.sh

clean:
	rm -rf .build Output/*
