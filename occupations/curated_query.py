"""Questions answered from the curated content: profiles, routes, stories, myths, interests, sectors."""
import re
from typing import Dict, List, Optional

from occupations.catalog import Catalog, OccupationInfo, get_catalog
from occupations.curated import split_list
from occupations.normalize import normalize


def _catalog(catalog: Optional[Catalog]) -> Catalog:
    return catalog or get_catalog()


def profile(info: OccupationInfo, catalog: Optional[Catalog] = None) -> Optional[dict]:
    """The curated profile (featured or comparison) of an occupation, if it has one."""
    catalog = _catalog(catalog)
    if not info.featured_slug:
        return None
    return catalog.curated["featured"].get(info.featured_slug) or catalog.curated["comparison"].get(info.featured_slug)


def facts(fact_ids: str, catalog: Optional[Catalog] = None) -> List[dict]:
    catalog = _catalog(catalog)
    return [catalog.curated["fact"][fact_id] for fact_id in split_list(fact_ids) if fact_id in catalog.curated["fact"]]


def fact(fact_id: str, catalog: Optional[Catalog] = None) -> Optional[dict]:
    return _catalog(catalog).curated["fact"].get(fact_id)


def stories(info: OccupationInfo, catalog: Optional[Catalog] = None) -> List[dict]:
    catalog = _catalog(catalog)
    return [story for story in catalog.curated["story"].values() if story["occupation_slug"] == info.featured_slug]


def _keyword_score(text: str, keywords: str) -> int:
    """How many characters of the message the keywords cover; longer keywords count more."""
    message = f" {normalize(text)} "
    score = 0
    for keyword in split_list(keywords):
        key = normalize(keyword)
        if key and re.search(rf"(?<![a-z0-9]){re.escape(key)}", message):
            score += len(key)
    return score


def best_by_keywords(kind: str, text: str, catalog: Optional[Catalog] = None) -> Optional[dict]:
    """The curated row (myth, interest, sector, education topic) whose keywords the message matches best."""
    catalog = _catalog(catalog)
    scored = [(_keyword_score(text, row["keywords"]), key) for key, row in catalog.curated[kind].items()]
    scored = [item for item in scored if item[0] > 0]
    if not scored:
        return None
    return catalog.curated[kind][max(scored)[1]]


def occupations_with_interest(tag: str, catalog: Optional[Catalog] = None) -> List[OccupationInfo]:
    catalog = _catalog(catalog)
    slugs = [row["slug"] for row in catalog.curated["featured"].values() if tag in split_list(row["interests"])]
    return [catalog.occupation_by_slug[slug] for slug in slugs if slug in catalog.occupation_by_slug]


def occupations_in_sector(sector: str, catalog: Optional[Catalog] = None) -> List[OccupationInfo]:
    catalog = _catalog(catalog)
    slugs = [row["slug"] for row in catalog.curated["featured"].values() if row["sector"] == sector]
    return [catalog.occupation_by_slug[slug] for slug in slugs if slug in catalog.occupation_by_slug]


def all_rows(kind: str, catalog: Optional[Catalog] = None) -> Dict[str, dict]:
    return _catalog(catalog).curated[kind]
