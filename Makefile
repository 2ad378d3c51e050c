# Two commands on a fresh machine: `make brief` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUTLINE ?= briefs/pakistan-taliban.yaml

.PHONY: brief test bench picture clean system-check

# WeasyPrint needs Pango (a system library); say which Debian package provides it.
system-check:
	@$(PYTHON) -c "import ctypes.util, sys; sys.exit(0 if ctypes.util.find_library('pango-1.0') else 1)" \
	  || { echo "Pango is missing: install it with 'apt-get install libpango-1.0-0 libpangoft2-1.0-0' (Debian/Ubuntu), then rerun make." >&2; exit 1; }

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,dask]'
	touch $(STAMP)

brief: system-check $(STAMP)
	$(BIN)/brief build $(OUTLINE) -o out/pakistan-taliban.pdf --format pdf,html,json,md

test: system-check $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/build_time.py

# The README's page picture (needs pdftoppm, Debian package poppler-utils).
picture: brief
	pdftoppm -png -r 80 -f 1 -l 1 -singlefile out/pakistan-taliban.pdf docs/first-page

clean:
	rm -rf $(VENV) out build *.egg-info .pytest_cache
