#!/usr/bin/env python3
"""Extracts the command-line flags of `vllm serve` from vLLM's own source and prints the Swift
table `VLLMFlagTable` (Sources/PlatformCore/Emitters/Serving/VLLMFlagTable.swift).

Usage: pip download vllm==0.34.0 --no-deps; unzip the wheel; python3.12 tools/vllm-flags.py <dir with vllm/> [wheel name]
(vLLM's source needs Python 3.12's grammar.)

It reads, without importing vLLM (which needs torch and a GPU stack):
- `make_arg_parser` (the `vllm serve` parser: its literal `add_argument` calls, then
  `FrontendArgs.add_cli_args`, one `--<field>` per field of FrontendArgs and its base classes), in
  vllm/entrypoints/common/cli_args.py (0.34.0) or vllm/entrypoints/openai/cli_args.py (0.11.0);
- vllm/engine/arg_utils.py: `EngineArgs.add_cli_args` and `AsyncEngineArgs.add_cli_args`, whose
  `add_argument("--flag", **x_kwargs["field"])` calls take their argparse kwargs from
  `get_kwargs(<Config dataclass>)`.
`get_kwargs` (`_compute_kwargs` in arg_utils.py) gives a field whose type contains `bool`
`argparse.BooleanOptionalAction`, so both `--flag` and `--no-flag` exist, except a field typed
exactly `bool | str | None` (0.34.0), which takes an optional value (`nargs="?"`); an explicit
`action="store_true"` is a switch without value; everything else takes a value.
"""
import ast, pathlib, re, sys

root = pathlib.Path(sys.argv[1])

def parse(rel):
    return ast.parse((root / rel).read_text())

cli_args = next(rel for rel in ("vllm/entrypoints/common/cli_args.py", "vllm/entrypoints/openai/cli_args.py")
                if (root / rel).exists())

# Every dataclass field annotation in vllm/config/*.py, arg_utils.py and cli_args.py, by class, in
# declaration order, with the names of the class's bases (fields are inherited).
annotations, bases = {}, {}
for path in sorted((root / "vllm/config").glob("*.py")) + [root / "vllm/engine/arg_utils.py", root / cli_args]:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ClassDef):
            fields = annotations.setdefault(node.name, {})
            bases.setdefault(node.name, [ast.unparse(b) for b in node.bases])
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    fields[item.target.id] = ast.unparse(item.annotation)

def fields_of(cls):
    # Base fields first, as dataclasses.fields orders them.
    result = {}
    for base in bases.get(cls, []):
        result.update(fields_of(base))
    result.update(annotations.get(cls, {}))
    return result

def is_bool(annotation):
    return re.search(r"\bbool\b", annotation) is not None

def kind_of(annotation):
    # `_compute_kwargs`: `bool | str | None` takes an optional value; any other type with bool is boolean.
    if set(t.strip() for t in annotation.split("|")) == {"bool", "str", "None"}:
        return "optional"
    return "boolean" if is_bool(annotation) else "value"

flags = {}  # name → "boolean" | "switch" | "value"

def record(names, kind):
    for n in names:
        flags[n] = kind
        if kind == "boolean" and n.startswith("--"):
            flags["--no-" + n[2:]] = "switch"

def walk_add_cli_args(func, kwargs_of):
    # kwargs_of: local name → Config class, from `x_kwargs = get_kwargs(Cls)`, or → (Cls, field)
    # from `x_kwargs = get_kwargs(Cls)["field"]`.
    for node in ast.walk(func):
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        value = node.value
        if isinstance(value, ast.Call) and getattr(value.func, "id", None) == "get_kwargs":
            kwargs_of[node.targets[0].id] = value.args[0].id
        elif isinstance(value, ast.Subscript) and isinstance(value.value, ast.Call) \
                and getattr(value.value.func, "id", None) == "get_kwargs" and isinstance(value.slice, ast.Constant):
            kwargs_of[node.targets[0].id] = (value.value.args[0].id, value.slice.value)
    for node in ast.walk(func):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "add_argument"):
            continue
        names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value.startswith("-")]
        if not names:
            continue
        action, typed = None, None
        for kw in node.keywords:
            if kw.arg == "action":
                text = ast.unparse(kw.value)
                if "BooleanOptionalAction" in text:
                    action = "boolean"
                elif "store_true" in text or "store_false" in text:
                    action = "switch"
                else:
                    action = "value"
            elif kw.arg is None and isinstance(kw.value, (ast.Subscript, ast.Dict)):
                # `**x_kwargs["field"]`, or `**{**x_kwargs["field"], "default": None}`.
                subscripts = [kw.value] if isinstance(kw.value, ast.Subscript) else \
                    [v for k, v in zip(kw.value.keys, kw.value.values) if k is None and isinstance(v, ast.Subscript)]
                for sub in subscripts:
                    holder = ast.unparse(sub.value)
                    field = sub.slice.value if isinstance(sub.slice, ast.Constant) else None
                    cls = kwargs_of.get(holder)
                    if isinstance(cls, str) and field:
                        typed = kind_of(fields_of(cls).get(field, ""))
            elif kw.arg is None and isinstance(kw.value, ast.Name) and isinstance(kwargs_of.get(kw.value.id), tuple):
                cls, field = kwargs_of[kw.value.id]
                typed = kind_of(fields_of(cls).get(field, ""))
        record(names, action or typed or "value")

def method(tree, cls, name):
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == cls:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == name:
                    return item
    raise SystemExit(f"{cls}.{name} not found")

cli = parse(cli_args)
for node in cli.body:
    if isinstance(node, ast.FunctionDef) and node.name == "make_arg_parser":
        walk_add_cli_args(node, {})
for field, annotation in fields_of("FrontendArgs").items():
    record(["--" + field.replace("_", "-")], kind_of(annotation))
engine = parse("vllm/engine/arg_utils.py")
walk_add_cli_args(method(engine, "EngineArgs", "add_cli_args"), {})
walk_add_cli_args(method(engine, "AsyncEngineArgs", "add_cli_args"), {})

# `-O3`, `-O=3`: FlexibleArgumentParser.parse_args rewrites them to `--optimization-level 3`
# (vllm/utils/argparse_utils.py, 0.34.0); in 0.11.0 `-O` was an alias of `--compilation-config`.
argparse_utils = root / "vllm/utils/argparse_utils.py"
if "-O" not in flags and "--optimization-level" in flags and argparse_utils.exists() \
        and 'arg.startswith("-O")' in argparse_utils.read_text():
    flags["-O"] = "value"

version = "?"
for line in (root / "vllm/_version.py").read_text().splitlines():
    if line.startswith("__version__"):
        version = line.split("'")[1] if "'" in line else version

wheel = sys.argv[2] if len(sys.argv) > 2 else f"vllm-{version}-cp38-abi3-*.whl"
print(f"""// Generated by tools/vllm-flags.py from vLLM {version} (the wheel `{wheel}`):
// `{cli_args}` (`make_arg_parser`, `FrontendArgs`) and `vllm/engine/arg_utils.py`
// (`EngineArgs.add_cli_args`, `AsyncEngineArgs.add_cli_args`, `_compute_kwargs`). Do not edit by hand.

/// The flags `vllm serve` accepts in the pinned vLLM version, by spelling.
enum VLLMFlagTable {{
    /// The vLLM version the table was read from.
    static let version = "{version}"

    static let flags: [String: VLLMFlagKind] = [""")
for name in sorted(flags):
    print(f'        "{name}": .{flags[name]},')
print("""    ]
}""")
