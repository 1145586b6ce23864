"""The shape of the code, read from the code: arrows point one way, views read and write only through the
service layer, no module keeps runtime state at module level, and no two modules import each other (also
not through an import hidden inside a function)."""

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

WORTEL = Path(__file__).resolve().parents[1]
PAKKETTEN = (
    "domain", "bijlage_validatie", "koppelvlak", "events_store", "projections", "service_layer", "web",
    "scripts",
)  # fmt: skip

# What each package may import of the others. Arrows point one way: the write side's encoding is shared
# with the read side's decoder (projections -> events_store), the service layer composes both.
MAG = {
    "domain": set(),
    "bijlage_validatie": {"domain"},
    "koppelvlak": {"domain"},
    "events_store": {"domain"},
    "projections": {"domain", "events_store"},
    "service_layer": {"domain", "bijlage_validatie", "koppelvlak", "events_store", "projections"},
    "web": {"domain", "bijlage_validatie", "koppelvlak", "service_layer"},
    "scripts": {
        "domain", "bijlage_validatie", "koppelvlak", "events_store", "projections", "service_layer", "web",
    },  # fmt: skip
}


def _modules() -> dict[str, Path]:
    gevonden = {}
    for pakket in PAKKETTEN:
        for pad in (WORTEL / pakket).rglob("*.py"):
            deel = pad.relative_to(WORTEL).with_suffix("").parts
            naam = ".".join(deel[:-1] if deel[-1] == "__init__" else deel)
            gevonden[naam] = pad
    return gevonden


MODULES = _modules()


def _imports(pad: Path) -> set[str]:
    """Every module imported anywhere in the file, also inside functions, resolved to our own modules."""
    boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
    namen: set[str] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen.update(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            namen.add(knoop.module)
            # `from projections import runner` imports the module projections.runner.
            namen.update(f"{knoop.module}.{alias.name}" for alias in knoop.names)
    return {n for n in namen if n in MODULES}


def _pakket(module: str) -> str:
    return module.split(".")[0]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_arrows_point_one_way(module):
    eigen = _pakket(module)
    verkeerd = sorted(n for n in _imports(MODULES[module]) if _pakket(n) not in MAG[eigen] | {eigen})
    assert verkeerd == [], f"{module} mag {verkeerd} niet importeren"


def test_only_the_app_factory_builds_the_composition_root():
    """Views get the use cases and the read gateway from the app's composition root, never build them."""
    bouwers = sorted(
        m
        for m in MODULES
        if _pakket(m) == "web" and "service_layer.samenstelling" in _imports(MODULES[m])
    )
    assert set(bouwers) <= {"web.app", "web.uitvoeren", "web.instellingen"}


def _kring(graaf: dict[str, set[str]]) -> list[str]:
    """One import cycle (the modules along it), or [] when there is none."""
    try:
        TopologicalSorter(graaf).prepare()
    except CycleError as fout:
        return fout.args[1]
    return []


def _zonder_pakketten(imports: set[str]) -> set[str]:
    # A package's __init__ is imported on the way to its modules; only module-to-module edges count.
    return {n for n in imports if MODULES[n].name != "__init__.py"}


def test_no_import_cycles():
    graaf = {m: _zonder_pakketten(_imports(p)) - {m} for m, p in MODULES.items()}
    assert _kring(graaf) == []


def test_the_cycle_check_finds_a_cycle():
    assert sorted(set(_kring({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}))) == ["a", "b", "c"]


# -- runtime state at module level ------------------------------------------------------------------------

TOESTAND_AANROEPEN = {
    "dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque",
    "Lock", "RLock", "Semaphore", "Condition", "Event", "local",
    "WeakKeyDictionary", "WeakValueDictionary", "WeakSet",
}  # fmt: skip


def _aanroepnaam(knoop: ast.expr) -> str | None:
    if isinstance(knoop, ast.Call):
        functie = knoop.func
        return functie.attr if isinstance(functie, ast.Attribute) else getattr(functie, "id", None)
    return None


def _toestand(pad: Path) -> list[str]:
    """Module-level names that hold state a process changes while it runs: empty containers filled later,
    locks, weak caches, `None` placeholders, and anything a `global` statement rebinds."""
    boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
    gevonden = [f"global {', '.join(k.names)}" for k in ast.walk(boom) if isinstance(k, ast.Global)]
    for knoop in boom.body:
        if isinstance(knoop, ast.Assign):
            doelen, waarde = knoop.targets, knoop.value
        elif isinstance(knoop, ast.AnnAssign) and knoop.value is not None:
            doelen, waarde = [knoop.target], knoop.value
        else:
            continue
        namen = [d.id for d in doelen if isinstance(d, ast.Name)]
        leeg = isinstance(waarde, (ast.Dict, ast.List, ast.Set)) and not (
            getattr(waarde, "keys", None) or getattr(waarde, "elts", None)
        )
        geen = isinstance(waarde, ast.Constant) and waarde.value is None
        if leeg or geen or _aanroepnaam(waarde) in TOESTAND_AANROEPEN:
            gevonden.extend(namen)
    return gevonden


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_runtime_state_at_module_level(module):
    assert _toestand(MODULES[module]) == []


def test_the_state_check_sees_a_cache_and_a_lock(tmp_path):
    pad = tmp_path / "slecht.py"
    pad.write_text(
        "import threading, weakref\n_cache: dict = {}\n_slot = threading.Lock()\n"
        "_zwak = weakref.WeakKeyDictionary()\n_pool = None\nTABEL = {'a': 1}\n"
        "def f():\n    global _pool\n    _pool = 1\n"
    )
    assert _toestand(pad) == ["global _pool", "_cache", "_slot", "_zwak", "_pool"]
