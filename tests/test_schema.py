import json

from summarizer.cli import schema_text
from summarizer.models import SCHEMA_MODELS

from .helpers import ROOT


def test_schema_files_match_models():
    for name, model in SCHEMA_MODELS.items():
        path = ROOT / "schemas" / f"{name}.schema.json"
        assert path.read_text() == schema_text(model), f"{path} is stale: run `summarizer schema --write schemas`"


def test_gold_files_validate_against_the_gold_schema():
    import jsonschema

    schema = json.loads((ROOT / "schemas" / "gold.schema.json").read_text())
    for path in sorted((ROOT / "evals" / "gold").glob("*.gold.json")):
        jsonschema.validate(json.loads(path.read_text()), schema)
