"""The paper's comparisons, one command each (`python -m archer_jax.experiments.NAME`)."""
