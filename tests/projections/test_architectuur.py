"""Architecture of the read side, read from the code: no runtime state at module level, no import hidden in
a function, no import cycle. What a process knows lives in its Projectiemotor."""

import ast
from pathlib import Path

import pytest

WORTEL = Path(__file__).resolve().parents[2]
PAKKET = WORTEL / "projections"
MODULES = sorted(PAKKET.rglob("*.py"))

# Calls whose result is state that fills or changes while a process runs.
_STAAT = {
    "dict",
    "list",
    "set",
    "defaultdict",
    "OrderedDict",
    "Counter",
    "deque",
    "WeakKeyDictionary",
    "WeakValueDictionary",
    "WeakSet",
    "Lock",
    "RLock",
    "Event",
    "Condition",
    "Semaphore",
    "local",
}
_GEHEUGEN = {"cache", "lru_cache"}


def _naam(knoop: ast.expr) -> str | None:
    if isinstance(knoop, ast.Call):
        knoop = knoop.func
    if isinstance(knoop, ast.Attribute):
        return knoop.attr
    if isinstance(knoop, ast.Name):
        return knoop.id
    return None


def _is_staat(waarde: ast.expr | None) -> bool:
    """An empty container (there only to be filled at run time), or a container, lock or thread-local
    made by a call."""
    if isinstance(waarde, ast.Dict | ast.List | ast.Set):
        return not (waarde.keys if isinstance(waarde, ast.Dict) else waarde.elts)
    return isinstance(waarde, ast.Call) and _naam(waarde) in _STAAT


def module_staat(bron: str) -> list[str]:
    """What a module keeps at module level that a running process changes."""
    boom = ast.parse(bron)
    gevonden = []
    for knoop in boom.body:
        if isinstance(knoop, ast.Assign | ast.AnnAssign) and _is_staat(knoop.value):
            doelen = knoop.targets if isinstance(knoop, ast.Assign) else [knoop.target]
            gevonden += [ast.unparse(d) for d in doelen]
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Global):
            gevonden += [f"global {n}" for n in knoop.names]
        if isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef):
            gevonden += [f"@{_naam(d)} {knoop.name}" for d in knoop.decorator_list if _naam(d) in _GEHEUGEN]
    return gevonden


def verborgen_imports(bron: str) -> list[str]:
    """Imports inside a function or method: the way an import cycle is usually hidden."""
    gevonden = []
    for functie in ast.walk(ast.parse(bron)):
        if isinstance(functie, ast.FunctionDef | ast.AsyncFunctionDef):
            for knoop in ast.walk(functie):
                if isinstance(knoop, ast.Import | ast.ImportFrom):
                    gevonden.append(f"{functie.name}: {ast.unparse(knoop)}")
    return gevonden


def _module_naam(pad: Path) -> str:
    delen = pad.relative_to(WORTEL).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _afhankelijk(bron: str, bekend: set[str]) -> set[str]:
    """The modules of `bekend` this source imports (`from a import b` counts `a.b` when that is a module)."""
    uit = set()
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            uit |= {a.name for a in knoop.names if a.name in bekend}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            for alias in knoop.names:
                volledig = f"{knoop.module}.{alias.name}"
                uit.add(volledig if volledig in bekend else knoop.module)
    return uit & bekend


def cycli(graaf: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles in a module graph (depth-first; each cycle once, from where it was found)."""
    gevonden, klaar, pad = [], set(), []

    def bezoek(module: str) -> None:
        if module in pad:
            gevonden.append([*pad[pad.index(module) :], module])
            return
        if module in klaar:
            return
        pad.append(module)
        for volgende in sorted(graaf.get(module, ())):
            bezoek(volgende)
        pad.pop()
        klaar.add(module)

    for module in sorted(graaf):
        bezoek(module)
    return gevonden


@pytest.mark.parametrize("pad", MODULES, ids=lambda p: str(p.relative_to(PAKKET)))
def test_no_module_of_the_read_side_keeps_runtime_state(pad):
    assert module_staat(pad.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("pad", MODULES, ids=lambda p: str(p.relative_to(PAKKET)))
def test_no_module_of_the_read_side_imports_inside_a_function(pad):
    assert verborgen_imports(pad.read_text(encoding="utf-8")) == []


def test_the_read_side_has_no_import_cycle():
    bronnen = {_module_naam(p): p.read_text(encoding="utf-8") for p in MODULES}
    graaf = {naam: _afhankelijk(bron, set(bronnen)) - {naam} for naam, bron in bronnen.items()}
    assert "projections.herbouw" in graaf["projections.versies"]  # the graph sees `from projections import x`
    assert cycli(graaf) == []


def test_the_checks_see_what_they_forbid():
    # Each check above must be able to fail: what runner.py, gebeurtenissen.py and audit.py had.
    staat = """
import threading, weakref
from functools import cache
_sloten = weakref.WeakKeyDictionary()
_register = threading.Lock()
_NAMEN: dict[str, str] = {}
PROJECTIES = {"a": 1}
@cache
def live(naam): ...
"""
    assert module_staat(staat) == ["_sloten", "_register", "_NAMEN", "@cache live"]
    assert verborgen_imports("def _start():\n    from projections import versies\n") == [
        "_start: from projections import versies"
    ]
    graaf = {"runner": {"versies"}, "versies": {"herbouw"}, "herbouw": {"runner"}}
    assert cycli(graaf) == [["herbouw", "runner", "versies", "herbouw"]]
