"""`python -m analysis bench`: speed and weight at 1,000 to 1,000,000 statements (see BENCHMARKS.md)."""
