"""Benchmark scripts: run as `python benchmarks/NAME.py`; tests import them as
`from benchmarks import NAME` (pyproject.toml, `[tool.pytest.ini_options] pythonpath`)."""
