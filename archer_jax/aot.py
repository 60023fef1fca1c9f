"""Memory before renting: compile a run's update steps and sampler for a machine that is not
here, and say whether each fits its chips' HBM.

  python -m archer_jax.aot --config configs/twenty_questions_subset.py:mistral7b_20q_subset \
      --topology v5e-8 [--config.actor.overrides.remat=True ...] [--hbm_gib=N] \
      [--steps=critic,actor,sampler]

--topology: a TPU slice by its accelerator-type name (`v5e-8`, `v6e-8`: chips; `v4-32`,
`v5p-8`: TensorCores, two per chip), compiled for through `jax.experimental.topologies` and
libtpu with no TPU present; or `cpu:N`, N fake CPU devices. The run's state is built
abstractly (`training.builder.build` under `jax.eval_shape`: shapes, dtypes and the run's
own shardings, nothing allocated), a pretrained model from its architecture alone
(`loading.architectures`: a name in its table, a checkpoint's config.json or GGUF metadata;
a from-scratch tokenizer counts as `tokenizer.vocab_size` ids). The programs the training
loop runs are lowered on `ShapeDtypeStruct`s carrying those shardings, and compiled: the
algorithm's update steps as it lists them (`Algorithm.programs`: ArCHer's critic and actor
steps at `algo.batch_size` rows; CHAI's critic step and candidate scoring; PPO's minibatch
step and behaviour statistics; the BC step; offline ArCHer's critic and actor steps),
and `generation.sample` at the run's largest sampling batch, on the LoRA-merged weights
when LoRA is on. `--steps` picks some of them by name.

Per step and device it prints XLA's memory analysis (arguments, temporaries, outputs, and
the donated bytes reused for outputs), the rest of the RL state that stays resident beside
the step (the actor during a critic step, ...), their sum "needed", and XLA's FLOP estimate
(which counts a loop's body once: one layer of the layer scan, one micro-batch, one decoding
step; compare it between configs, not against a chip's peak).
Exits 1 naming each step whose "needed" exceeds the HBM per chip (v4 32 GiB, v5e 16, v5p
95, v6e 32; or --hbm_gib) or whose compilation ran out of it, 2 on a bad command line.

libtpu: $TPU_LIBRARY_PATH, an installed `libtpu` (`pip install 'archer_jax[aot]'`), or the
copy `make aot` puts under the venv (.venv/libtpu_aot), which other JAX processes never load.
"""

from __future__ import annotations

import dataclasses
import glob
import os
import re
import sys
import time
from typing import Any

from absl import app, flags
from ml_collections import config_flags

from archer_jax.cli import fail, loaded_config, parse_flags

DOES_NOT_FIT = 1
GIB = 1 << 30

# generation -> (topology-name prefix, chip config, TensorCores per chip in the slice's name,
# HBM per chip in GiB, the accelerator-type prefix libtpu reads)
TPUS = {
  "v4": ("v4", "megacore", 2, 32, "v4"),
  "v5p": ("v5", "megacore", 2, 95, "v5p"),
  "v5e": ("v5e", "default", 1, 16, "v5litepod"),
  "v6e": ("v6e", "default", 1, 32, "v6e"),
}
GRID_2D = {1: "1x1", 4: "2x2", 8: "2x4", 16: "4x4", 32: "4x8", 64: "8x8", 128: "8x16", 256: "16x16"}
GRID_3D = {
  1: "1x1x1",
  4: "2x2x1",
  8: "2x2x2",
  16: "2x2x4",
  32: "2x4x4",
  64: "4x4x4",
  128: "4x4x8",
  256: "4x8x8",
  512: "8x8x8",
  1024: "8x8x16",
  2048: "8x16x16",
  4096: "16x16x16",
}

FLAGS: dict = {}  # name -> absl FlagHolder, defined by `define_flags` (the command line only)


def define_flags() -> None:
  """The command line's flags; defined when run as a program, so importing this module (as
  the tests do, beside `archer_jax.train`'s own --config) defines none."""
  FLAGS["config"] = config_flags.DEFINE_config_file("config", None, "config file[:variant]")
  FLAGS["topology"] = flags.DEFINE_string(
    "topology", None, "v4-N | v5p-N | v5e-N | v6e-N (a TPU slice) or cpu:N (N CPU devices)"
  )
  FLAGS["hbm_gib"] = flags.DEFINE_float(
    "hbm_gib", None, "memory per device in GiB (default: the TPU chip's HBM; none for cpu:N)"
  )
  FLAGS["steps"] = flags.DEFINE_list(
    "steps", [], "programs to compile (default: all the algorithm's steps and the sampler)"
  )


class UsageError(ValueError):
  """A bad command line (topology, config, steps): one `error:` line, exit status 2."""


# ---- topologies ---------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Topology:
  name: str  # as given: "v5p-8", "cpu:8"
  platform: str  # "tpu" | "cpu"
  num_devices: int
  hbm_bytes: int | None = None  # per device; None: no limit known
  chip: str = "cpu"  # "v5p", ...
  topology_name: str = ""  # libtpu's, e.g. "v5:2x2x1"
  chip_config: str = ""
  host_bounds: tuple = ()
  wrap: tuple = ()
  accelerator_type: str = ""


def parse_topology(text: str) -> Topology:
  """A slice name ("v5p-8", "v4-32", "v5e-8", "v6e-8") or "cpu:N" -> Topology; UsageError
  for anything else."""
  m = re.fullmatch(r"cpu:(\d+)", text or "")
  if m:
    n = int(m.group(1))
    if n < 1:
      raise UsageError(f"--topology {text}: needs at least one device")
    return Topology(text, "cpu", n)
  m = re.fullmatch(r"(v4|v5p|v5e|v6e)-(\d+)", text or "")
  if not m:
    raise UsageError(
      f"--topology {text!r}: expected a TPU slice (v4-32, v5p-8, v5e-8, v6e-8, ...) or cpu:N"
    )
  gen, count = m.group(1), int(m.group(2))
  prefix, chip_config, cores, hbm, acc = TPUS[gen]
  grid = GRID_3D if cores == 2 else GRID_2D
  chips = count // cores
  if count % cores or chips not in grid:
    sizes = ", ".join(f"{gen}-{k * cores}" for k in grid)
    raise UsageError(f"--topology {text}: unknown slice size; known: {sizes}")
  dims = tuple(int(d) for d in grid[chips].split("x"))
  if chips == 1:
    host = (1, 1, 1)
  elif len(dims) == 2 and chips == 8:  # v5e-8 / v6e-8: one host with 8 chips
    host = (2, 4, 1)
  else:
    host = (2, 2, 1)
  if len(dims) == 3:
    wrap = (all(d >= 4 for d in dims),) * 3
  else:
    wrap = tuple(d >= 16 for d in dims) + (False,)
  return Topology(
    text, "tpu", chips, hbm * GIB, gen, f"{prefix}:{grid[chips]}", chip_config, host, wrap, acc
  )


def libtpu_path() -> str | None:
  """libtpu.so: $TPU_LIBRARY_PATH, an installed `libtpu` package (found without importing
  it), or the copy `make aot` puts under the venv (<prefix>/libtpu_aot)."""
  import importlib.util

  env = os.environ.get("TPU_LIBRARY_PATH")
  if env and os.path.isfile(env):
    return env
  spec = importlib.util.find_spec("libtpu")
  if spec is not None and spec.submodule_search_locations:
    path = os.path.join(list(spec.submodule_search_locations)[0], "libtpu.so")
    if os.path.isfile(path):
      return path
  path = os.path.join(sys.prefix, "libtpu_aot", "libtpu", "libtpu.so")
  return path if os.path.isfile(path) else None


def libtpu_version(path: str) -> str:
  """The version of the libtpu wheel holding `path` (from its .dist-info), or "?"."""
  root = os.path.dirname(os.path.dirname(path))
  infos = glob.glob(os.path.join(root, "libtpu-*.dist-info"))
  m = re.match(r"libtpu-(.+)\.dist-info", os.path.basename(infos[0])) if infos else None
  return m.group(1) if m else "?"


def setup_platform(topo: Topology) -> str | None:
  """Environment and JAX settings before any backend starts: CPU for everything that runs,
  N CPU devices for cpu:N; for a TPU slice, libtpu's location and the settings it reads at
  start-up on a machine without TPUs. Returns the libtpu path (TPU) or None."""
  import jax

  jax.config.update("jax_platforms", "cpu")
  if topo.platform == "cpu":
    jax.config.update("jax_num_cpu_devices", topo.num_devices)
    return None
  path = libtpu_path()
  if path is None:
    raise UsageError(
      f"--topology {topo.name} needs libtpu: pip install 'archer_jax[aot]' (or `make aot`, or "
      "set TPU_LIBRARY_PATH to a libtpu.so)"
    )
  os.environ["TPU_LIBRARY_PATH"] = path
  # without these libtpu queries a metadata server and logs errors for the absent hosts
  os.environ.setdefault("TPU_SKIP_MDS_QUERY", "1")
  os.environ.setdefault("TPU_WORKER_HOSTNAMES", "localhost")
  os.environ.setdefault("TPU_WORKER_ID", "0")
  os.environ.setdefault(
    "TPU_ACCELERATOR_TYPE", f"{topo.accelerator_type}-{topo.name.split('-')[1]}"
  )
  return path


def topology_devices(topo: Topology) -> list:
  """The slice's devices (compile-only for TPUs)."""
  import jax

  if topo.platform == "cpu":
    return jax.devices("cpu")[: topo.num_devices]
  from jax.experimental import topologies

  desc = topologies.get_topology_desc(
    platform="tpu",
    topology_name=topo.topology_name,
    chip_config_name=topo.chip_config,
    chips_per_host_bounds=topo.host_bounds,
    num_slices=1,
    wrap=topo.wrap,
  )
  return list(desc.devices)


# ---- the run, abstractly ------------------------------------------------------------------
class _Vocab:
  """What `builder.build` reads of a tokenizer: its size and special ids."""

  def __init__(self, size: int, pad=None, eos=None, bos=None):
    self.size, self.pad_token_id, self.eos_token_id, self.bos_token_id = size, pad, eos, bos

  def __len__(self) -> int:
    return self.size


def _spec_of(cfg) -> dict:
  """A ModelConfig as a `scratch` spec (`builder._scratch_cfg` adds vocab and ids back)."""
  kw = dataclasses.asdict(cfg)
  for k in ("vocab_size", "pad_token_id", "eos_token_id", "bos_token_id"):
    kw.pop(k)
  return kw


def compile_config(config, platform: str = "tpu"):
  """-> (config with every pretrained model turned into `scratch` with its architecture, the
  Tokenizers `builder.build` needs). Shapes and shardings equal the pretrained run's; a
  from-scratch tokenizer counts as `tokenizer.vocab_size` ids (its upper bound). "auto"
  dtypes are resolved for the target `platform`, not for the CPU that compiles."""
  from archer_jax.loading.architectures import model_config
  from archer_jax.training import precision
  from archer_jax.training.builder import Tokenizers

  c = config.copy_and_resolve_references()
  vocab = {}
  for who in ("actor", "critic"):
    spec = c[who]
    numerics = precision.model_fields(spec, who, platform)
    spec.dtype, spec.param_dtype = numerics["dtype"], numerics["param_dtype"]
    if spec.model == "scratch":
      continue
    cfg = model_config(spec.model, **{**numerics, **dict(spec.get("overrides", {}))})
    vocab[who] = _Vocab(cfg.vocab_size, cfg.pad_token_id, cfg.eos_token_id, cfg.bos_token_id)
    spec.model, spec.scratch = "scratch", _spec_of(cfg)
  actor = vocab.get("actor") or _Vocab(int(c.tokenizer.vocab_size), 0, 2, 1)
  shared = "critic" not in vocab or c.critic.share_tokenizer
  critic = actor if shared else vocab["critic"]
  return c, Tokenizers(actor, critic, None, None)


def abstract_run(c, toks, mesh):
  """(Networks, RLState of ShapeDtypeStructs with shardings) of a `compile_config` config:
  `builder.build` traced, not run."""
  import jax

  from archer_jax.algorithms.registry import get_algorithm
  from archer_jax.training import builder

  needs = get_algorithm(c.algo.name).needs(c)
  out = {}

  def build():
    out["nets"], state = builder.build(c, mesh, toks, needs)
    return state

  state = jax.eval_shape(build)
  nets = out["nets"]
  with_sh = lambda tree, sh: jax.tree.map(
    lambda x, s: jax.ShapeDtypeStruct(x.shape, x.dtype, sharding=s), tree, sh
  )
  rep = jax.sharding.NamedSharding(mesh, jax.sharding.PartitionSpec())
  state = jax.tree.map(lambda x: jax.ShapeDtypeStruct(x.shape, x.dtype, sharding=rep), state)
  state = state.replace(actor=with_sh(state.actor, nets.actor_sh))
  if state.critic is not None:
    state = state.replace(
      critic=with_sh(state.critic, nets.critic_sh),
      target=with_sh(state.target, nets.critic_sh.params),
    )
  if state.ref:
    state = state.replace(ref=with_sh(state.ref, nets.actor_sh.params))
  return nets, state


def device_bytes(tree) -> int:
  """Bytes one device holds of a tree of sharded ShapeDtypeStructs (the largest shard)."""
  import jax
  import numpy as np

  total = 0
  for x in jax.tree.leaves(tree):
    shape = x.sharding.shard_shape(x.shape) if x.sharding is not None else x.shape
    total += int(np.prod(shape, dtype=np.int64)) * np.dtype(x.dtype).itemsize
  return total


def _abstract(tree, mesh):
  """Host arrays -> ShapeDtypeStructs sharded as `Context.device_batch` puts them."""
  import jax
  import numpy as np

  from archer_jax.parallel.mesh import data_sharding, replicated

  def one(v):
    sharding = data_sharding(mesh, np.ndim(v)) if np.ndim(v) else replicated(mesh)
    return jax.ShapeDtypeStruct(np.shape(v), np.asarray(v).dtype, sharding=sharding)

  return jax.tree.map(one, tree)


class _PadIds:
  """The tokenizers as `Batcher` reads them for the device-batch layouts (pad ids only)."""

  actor = critic = _Vocab(0, 0)


@dataclasses.dataclass
class Program:
  """One jitted program to compile: fn(*args) under the mesh; `state_args`: the bytes per
  device of the RLState parts among its arguments (the rest stays resident beside it)."""

  name: str
  fn: Any
  args: tuple
  kwargs: dict
  state_args: int


def programs(c, nets, state, mesh, which) -> list[Program]:
  """The algorithm's update steps (`Algorithm.programs`) and the sampler, as the training
  loop calls them; `which`: their names (None: all)."""
  import jax
  import jax.numpy as jnp
  import numpy as np
  from jax.sharding import NamedSharding
  from jax.sharding import PartitionSpec as P

  from archer_jax.algorithms.context import Context
  from archer_jax.algorithms.registry import get_algorithm
  from archer_jax.generation import sampler as sampling
  from archer_jax.training.batches import Batcher
  from archer_jax.training.policy import Policy

  policy = Policy(c, mesh, nets.actor_cfg, None)
  batcher = Batcher(c, _PadIds(), features=True if nets.frozen else None)
  algo_cls = get_algorithm(c.algo.name)
  ctx = Context(c, mesh, nets, _PadIds(), policy, batcher, per_shard=algo_cls.per_shard_data)
  algorithm = algo_cls(ctx)
  steps = algorithm.programs(state)
  if not steps:
    raise UsageError(
      f"config.algo.name={c.algo.name!r}: the algorithm lists no programs to compile "
      "(Algorithm.programs)"
    )
  known = [name for name, _, _ in steps] + ["sampler"]
  unknown = sorted(set(which or ()) - set(known))
  if unknown:
    raise UsageError(f"--steps: unknown {unknown}; {c.algo.name} has {', '.join(known)}")
  rep = NamedSharding(mesh, P())
  out = []
  for name, fn, args in steps:
    if which and name not in which:
      continue
    on_device = [a for a in args if not _is_host(a)]  # the RL-state parts
    args = tuple(_abstract(a, mesh) if _is_host(a) else a for a in args)
    out.append(Program(name, fn, args, {}, device_bytes(on_device)))
  if not which or "sampler" in which:
    a = c.actor
    smp = policy.sampler
    rows_per_call = max(int(a.sample_chunk), int(c.train.rollout_size), int(c.train.eval_episodes))
    b = sampling.bucket(min(rows_per_call, max(a.batch_buckets)), a.batch_buckets)
    tokens, mask = smp.pad([[1] * int(a.obs_len)] * b)
    sds = lambda x: jax.ShapeDtypeStruct(np.shape(x), np.asarray(x).dtype, sharding=rep)
    lm = state.actor.params["lm"]
    if policy.lora:  # the sampler runs on the merged weights, a copy beside the state
      lm = jax.eval_shape(policy.merged_lm, state.actor.params)
      lm = jax.tree.map(
        lambda x, s: jax.ShapeDtypeStruct(x.shape, x.dtype, sharding=s),
        lm,
        nets.actor_sh.params["lm"],
      )
    key = jax.ShapeDtypeStruct((2,), jnp.uint32, sharding=rep)
    args = (lm, sds(tokens), sds(mask), key, sds(np.float32(a.temperature)), sds(smp.stop_table))
    kwargs = dict(
      cfg=smp.cfg,
      max_new_tokens=smp.max_new_tokens,
      top_k=sds(np.int32(0)),
      top_p=sds(np.float32(1.0)),
      greedy=sds(np.bool_(False)),
      eos_ids=sds(smp.eos_ids),
    )
    state_args = 0 if policy.lora else device_bytes(state.actor.params["lm"])
    out.append(Program("sampler", sampling.sample, args, kwargs, state_args))
  return out


def _is_host(tree) -> bool:
  """Whether an argument is host data (numpy arrays), not a part of the RL state."""
  import jax
  import numpy as np

  leaves = jax.tree.leaves(tree)
  return bool(leaves) and all(isinstance(x, (np.ndarray, np.generic)) for x in leaves)


# ---- compile and report -------------------------------------------------------------------
@dataclasses.dataclass
class Report:
  name: str
  argument: int = 0
  temp: int = 0
  output: int = 0
  alias: int = 0
  resident: int = 0  # the RLState not among the step's arguments
  flops: float | None = None
  seconds: float = 0.0
  error: str = ""  # the compiler's out-of-memory message

  @property
  def total(self) -> int:
    """The step's own peak: arguments + temporaries + outputs, less donated-and-reused."""
    return self.argument + self.temp + self.output - self.alias

  @property
  def needed(self) -> int:
    return self.total + self.resident


def _out_of_memory(e: Exception) -> bool:
  text = str(e)
  return "RESOURCE_EXHAUSTED" in text or "Ran out of memory" in text


def compile_program(p: Program, mesh, state_bytes: int) -> Report:
  """Lower and compile one program under the mesh and the logical-axis rules."""
  import flax.linen as nn
  import jax

  from archer_jax.parallel.mesh import RULES

  rep = Report(p.name, resident=state_bytes - p.state_args)
  fn = p.fn if hasattr(p.fn, "lower") else p.fn.__wrapped__  # under_mesh's wrapper -> the jit
  t0 = time.perf_counter()
  with jax.sharding.set_mesh(mesh), nn.logical_axis_rules(RULES):
    lowered = fn.lower(*p.args, **p.kwargs)
    try:
      exe = lowered.compile()
    except Exception as e:  # noqa: BLE001  - XLA:TPU refuses programs that overflow HBM
      if not _out_of_memory(e):
        raise
      rep.error = " ".join(str(e).split())[:400]
      rep.seconds = time.perf_counter() - t0
      return rep
  rep.seconds = time.perf_counter() - t0
  mem = exe.memory_analysis()
  if mem is not None:
    rep.argument = int(mem.argument_size_in_bytes)
    rep.temp = int(mem.temp_size_in_bytes)
    rep.output = int(mem.output_size_in_bytes)
    rep.alias = int(mem.alias_size_in_bytes)
  cost = exe.cost_analysis()
  cost = cost[0] if isinstance(cost, (list, tuple)) and cost else cost
  if isinstance(cost, dict) and "flops" in cost:
    rep.flops = float(cost["flops"])
  return rep


def _gib(n: int) -> str:
  return f"{n / GIB:.2f}"


def table(reports: list[Report], hbm: int | None) -> str:
  """The per-device table, in GiB (MiB when everything is under 1 GiB)."""
  top = max([r.needed for r in reports] + [hbm or 0])
  unit, size = ("GiB", GIB) if top >= GIB else ("MiB", 1 << 20)
  num = lambda n: f"{n / size:.2f}"
  lines = [
    f"per device, {unit} (needed = step total + resident state; FLOP: XLA's estimate, "
    "loop bodies counted once)",
    "| step | arguments | temp | output | alias | step total | resident state | needed | "
    "HBM | fits | FLOP | compile s |",
    "|" + "---|" * 12,
  ]
  for r in reports:
    limit = num(hbm) if hbm else "-"
    if r.error:
      cells = ["-"] * 7 + [limit, "no (compile: out of HBM)", "-"]
    else:
      fits = "-" if hbm is None else ("yes" if r.needed <= hbm else "NO")
      flops = f"{r.flops:.3g}" if r.flops is not None else "-"
      sizes = (r.argument, r.temp, r.output, r.alias, r.total, r.resident, r.needed)
      cells = [num(n) for n in sizes] + [limit, fits, flops]
    lines.append(f"| {r.name} | " + " | ".join(cells) + f" | {r.seconds:.1f} |")
  return "\n".join(lines)


def run(config, topo: Topology, which, hbm: int | None) -> int:
  """Compile, print the table; -> exit status (0 all fit, 1 otherwise)."""
  path = setup_platform(topo)
  import jax

  from archer_jax.parallel.mesh import make_mesh
  from archer_jax.training.trainer import load_plugins
  from archer_jax.training.validate import ConfigError, validate

  devices = topology_devices(topo)
  try:
    load_plugins(config.get("plugins", ""))
    # (a model's config.json or architecture, a bad dtype: ValueError)
    c, toks = compile_config(config, topo.platform)
    validate(c, num_devices=len(devices))
    mesh = make_mesh(c.mesh, devices=devices)
  except (ConfigError, ValueError, FileNotFoundError) as e:
    raise UsageError(str(e)) from None
  nets, state = abstract_run(c, toks, mesh)
  kind = getattr(devices[0], "device_kind", topo.platform)
  libtpu = f", libtpu {libtpu_version(path)}" if path else ""
  limit = f"{hbm / GIB:.2f} GiB each" if hbm else "no memory limit"
  actor_p = nets.actor_cfg.num_params() / 1e9
  critic_p = nets.critic_cfg.num_params() / 1e9 if nets.critic_cfg is not None else 0.0
  print(
    f"topology {topo.name}: {len(devices)} x {kind} ({limit}); mesh "
    + " ".join(f"{k}={v}" for k, v in mesh.shape.items())
    + f"; jax {jax.__version__}{libtpu}"
  )
  numerics = lambda cfg: f"{cfg.param_dtype} weights, {cfg.dtype} compute"
  critic = f"{critic_p:.2f} B"
  if nets.critic_cfg is not None:
    critic += f" ({numerics(nets.critic_cfg)})"
  print(
    f"actor {actor_p:.2f} B params ({numerics(nets.actor_cfg)}"
    f"{', LoRA r=' + str(c.actor.lora_rank) if nets.lora else ''}"
    f"{', remat ' + str(nets.actor_cfg.remat) if nets.actor_cfg.remat else ''}), critic "
    f"{critic}; state {_gib(device_bytes(state))} GiB per device",
    flush=True,
  )
  state_bytes = device_bytes(state)
  reports = []
  for p in programs(c, nets, state, mesh, which):
    reports.append(compile_program(p, mesh, state_bytes))
    print(f"  compiled {p.name} in {reports[-1].seconds:.1f} s", flush=True)
  print("\n" + table(reports, hbm), flush=True)
  bad = [r for r in reports if r.error or (hbm is not None and r.needed > hbm)]
  for r in bad:
    chip = f"{topo.chip} chip" if topo.platform == "tpu" else "device"
    what = (
      f"does not compile within the HBM of a {chip} ({r.error})"
      if r.error
      else f"needs {_gib(r.needed)} GiB per device, more than the {_gib(hbm)} GiB HBM of a {chip}"
    )
    print(f"error: the {r.name} step {what} on {topo.name}", file=sys.stderr)
  return DOES_NOT_FIT if bad else 0


def main(argv):
  if len(argv) > 1:
    fail(f"unexpected arguments {argv[1:]}")
  config, topology, hbm_gib = (FLAGS[k].value for k in ("config", "topology", "hbm_gib"))
  if config is None or topology is None:
    fail(
      "--config and --topology are required, e.g. --config "
      "configs/twenty_questions.py:smoke --topology cpu:8"
    )
  config = loaded_config(FLAGS["config"])
  which = [s.strip() for s in FLAGS["steps"].value if s.strip()]  # checked once built
  try:
    topo = parse_topology(topology)
    hbm = int(hbm_gib * GIB) if hbm_gib is not None else topo.hbm_bytes
    sys.exit(run(config, topo, which, hbm))
  except UsageError as e:
    fail(str(e))


if __name__ == "__main__":
  define_flags()
  app.run(main, flags_parser=parse_flags)
