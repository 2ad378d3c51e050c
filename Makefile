# Two commands on a fresh machine: `make brief` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUTLINE ?= briefs/pakistan-taliban.yaml

.PHONY: brief test lint bench picture clean system-check constraints

# WeasyPrint needs Pango (a system library); say which Debian package provides it.
system-check:
	@$(PYTHON) -c "import ctypes.util, sys; sys.exit(0 if ctypes.util.find_library('pango-1.0') else 1)" \
	  || { echo "Pango is missing: install it with 'apt-get install libpango-1.0-0 libpangoft2-1.0-0' (Debian/Ubuntu), then rerun make." >&2; exit 1; }

# constraints.txt pins every dependency to the versions the tests pass with (the PDF bytes
# depend on them); pyproject.toml keeps lower bounds only.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,dask]'
	touch $(STAMP)

brief: system-check $(STAMP)
	$(BIN)/brief build $(OUTLINE) -o out/pakistan-taliban.pdf --format pdf,html,json,md

test: system-check $(STAMP)
	$(BIN)/python -m pytest -q

# The rules of [tool.ruff.lint] and [tool.mypy] in pyproject.toml (CI runs it before the tests).
lint: $(STAMP)
	$(BIN)/ruff check pipeline tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/build_time.py

# The README's page picture (needs pdftoppm, Debian package poppler-utils).
picture: brief
	pdftoppm -png -r 80 -f 1 -l 1 -singlefile out/pakistan-taliban.pdf docs/first-page

# Rewrites constraints.txt from a fresh venv holding the newest releases pyproject.toml
# allows (the header is kept); then run `make clean test` before committing the new pins.
constraints:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp/venv" && \
	"$$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test,dask]' && \
	pyv=$$("$$tmp/venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])') && \
	{ sed -n '/^#/p' constraints.txt; \
	  "$$tmp/venv/bin/python" -m pip freeze --disable-pip-version-check --exclude-editable \
	  | grep -viE '^(brief|pip|setuptools|wheel)==' \
	  | awk -v v="$$pyv" '{ print $$0 " ; python_version >= \"" v "\"" }'; } > "$$tmp/constraints.txt" && \
	cat "$$tmp/constraints.txt" > constraints.txt && \
	echo "constraints.txt: $$(grep -c '^[^#]' constraints.txt) pins for Python $$pyv and newer"

clean:
	rm -rf $(VENV) out build *.egg-info .pytest_cache
