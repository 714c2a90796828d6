"""Users add actors: TSV, YAML or a CAMEO/PETRARCH dictionary, through Settings.actor_files."""

from __future__ import annotations

from dyads.pipeline import Extractor, Settings
from dyads.types import Article

TEXT = "Le Front de libération du Kernovie a attaqué la Moldavie hier, selon la Commission Vexin."


def run(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    extractor = Extractor(Settings(actor_files=(str(path),)))
    return extractor.extract_article(Article(id="u", text=TEXT, language="fr", published="2022-05-02"))


def test_user_actors_yaml(tmp_path):
    doc = run(tmp_path, "mine.yaml", "actors:\n  - actor: KFL\n    role: REB\n"
                                     "    terms: [Front de libération du Kernovie]\n")
    assert ("KFL", "MDA", "19") in {(e.source.actor, e.target.actor, e.root) for e in doc.events}


def test_user_actors_tsv(tmp_path):
    doc = run(tmp_path, "mine.tsv", "term\tactor\trole\tkind\nCommission Vexin\tVEXIN\tIGO\tname\n")
    assert any(e.actor == "VEXIN" and e.text == "Commission Vexin" for e in doc.entities)


def test_user_actors_cameo_dictionary(tmp_path):
    doc = run(tmp_path, "mine.actors", "FRONT_DE_LIBERATION_DU_KERNOVIE [KRNREB]\n")
    found = [e for e in doc.entities if e.actor == "KRN"]
    assert found and found[0].role == "REB"
