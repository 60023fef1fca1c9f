"""ArCHer in PyTorch (torch + transformers' GPT-2 / Llama / BERT / RoBERTa, no JAX compute):
the yardstick that `benchmarks/throughput.py` measures this project against.

  faithful.FaithfulArcher    the reference's update loop and its slowness (spec §7), with
                             the places where it had to differ listed in its docstring;
  optimised.OptimisedArcher  the same losses with the cheap PyTorch fixes (a_pi pre-sampled
                             in large batches, ids kept, SDPA, bf16 autocast on GPU,
                             torch.compile where it works).
Both compute this project's losses on the same batch (tests/test_pytorch_baseline.py).
Host-side helpers without JAX (padding, stop tables, the environments) come from
archer_jax; every network, loss and optimizer here is PyTorch.
"""
