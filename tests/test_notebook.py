"""notebooks/walkthrough.ipynb runs top to bottom (nbclient, a real kernel)
and is kept in git with its outputs cleared."""

import nbformat
from nbclient import NotebookClient

from helpers import ROOT

NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def test_outputs_are_cleared_in_git():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


def test_walkthrough_runs_and_scores_the_samples():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    texts = ["".join(o.get("text", "")) for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert any("documents," in t and "records," in t for t in texts)
    assert any("功效系数" in t for t in texts)              # a scored row with its arithmetic
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    assert len(images) == 1
