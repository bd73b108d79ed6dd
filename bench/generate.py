"""Seeded synthetic graphs shaped like summit-kg's data, for the benchmark.

The shipped graph has ~2,000 triples: too small to show how the stores scale. This writes
N-Triples files of any size whose *shape* follows data/triples: states with presidents and
ministers held through ``skg:Office`` nodes, summits and forums, agreements with parties,
commitments with money (``schema:value`` xsd:decimal, ``schema:currency``), target years
(xsd:gYear) and sectors, statistics, quotations and paraphrases, and provenance on every
fact. The same classes, properties and SKOS concept IRIs as the real data are used, so the
project's named questions run unchanged on it.

Shape choices that matter for the three benchmark questions:

* quotations are spread over all leaders, and only some are *about* an agreement one of
  whose parties the speaker leads (as in the article: Xi on the treaty); that keeps the
  three-hop question selective, the way real news data is;
* every commitment has 1-3 committing actors and about 60 % carry money, so the
  money-by-actor question aggregates over tens of thousands of amounts at 1 M triples.

N-Triples because both rdflib and Oxigraph parse it fastest, so load times measure the
stores, not Turtle's tokenizer. Same seed and size, same bytes.

    python bench/generate.py --size 100000 -o bench/work/n100000/data.nt
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

SKG = "https://w3id.org/summit-kg/ontology#"
SKGR = "https://w3id.org/summit-kg/id/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"

#: Concept slugs that exist in data/triples/vocabularies.ttl (plus a few synthetic sectors).
STATUSES = [
    "status-expected",
    "status-pledged",
    "status-agreed",
    "status-planned",
    "status-under-way",
    "status-completed",
]
KINDS = [
    "kind-grant",
    "kind-training",
    "kind-infrastructure-project",
    "kind-energy-project",
    "kind-investment",
    "kind-partnership",
    "kind-access-to-finance",
    "kind-security-assistance",
    "kind-security-cooperation",
    "kind-institution",
    "kind-exchange-programme",
    "kind-tourism-promotion",
]
SECTORS = [
    "sector-energy",
    "sector-agriculture",
    "sector-infrastructure",
    "sector-rail-transport",
    "sector-green-technology",
    "sector-finance",
    "sector-climate",
    "sector-trade",
    "sector-tourism",
    "sector-culture",
    "sector-education",
    "sector-counterterrorism",
    "sector-cybersecurity",
    "sector-law-enforcement",
    "sector-livelihoods",
    "sector-renewable-energy",
    "sector-gas",
    "sector-hydrogen",
    "sector-food-security",
    "sector-capacity-building",
]
THEMES = ["theme-politics", "theme-economy", "theme-security", "theme-culture"]
QUALIFIERS = [
    "qualifier-exact",
    "qualifier-about",
    "qualifier-nearly",
    "qualifier-over",
    "qualifier-estimated",
]
MEASURES = [
    "measure-trade-volume",
    "measure-trade-growth",
    "measure-joint-projects",
    "measure-trips",
]
UNITS = ["unit-percent", "unit-project", "unit-trip", "unit-training-place"]
CURRENCIES = ["USD", "CNY", "EUR", "KZT", "UZS"]
AGREEMENT_CLASSES = [
    "Treaty",
    "Declaration",
    "CooperationDocument",
    "BusinessDeal",
    "SisterCityAgreement",
    "TravelArrangement",
    "Agreement",
]
SYLLABLES = [
    "ka",
    "zan",
    "tur",
    "mir",
    "bek",
    "lan",
    "sha",
    "dor",
    "vat",
    "ul",
    "tor",
    "qai",
    "nur",
    "sar",
    "yen",
    "bai",
    "gul",
    "xin",
    "hao",
    "ta",
    "jik",
    "mun",
    "ro",
    "del",
]
WORDS = [
    "cooperation",
    "friendship",
    "development",
    "trade",
    "security",
    "stability",
    "future",
    "partnership",
    "connectivity",
    "prosperity",
    "trust",
    "energy",
    "growth",
    "region",
    "people",
    "modernisation",
    "heritage",
    "opportunity",
    "mutual",
    "benefit",
]


def iri(slug: str) -> str:
    return f"<{SKGR}{slug}>"


def p(local: str) -> str:
    return f"<{SKG}{local}>"


def lit(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@en'


def typed(value: str, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


class _Writer:
    """Collects N-Triples lines and counts them; the generator stops on the count."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, s: str, pred: str, o: str) -> None:
        self.lines.append(f"{s} {pred} {o} .\n")

    def provenance(self, s: str, source: str, rnd: random.Random) -> None:
        self.add(s, DERIVED, source)
        self.add(s, p("sourceParagraph"), typed(str(rnd.randint(3, 22)), "positiveInteger"))


def _name(rnd: random.Random, parts: int) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _vocabulary(w: _Writer) -> None:
    """The concepts the records point at, so labels resolve as in the real data."""
    for scheme, slugs in [
        ("statuses", STATUSES),
        ("commitment-kinds", KINDS),
        ("sectors", SECTORS),
        ("themes", THEMES),
        ("qualifiers", QUALIFIERS),
        ("measures", MEASURES),
        ("units", UNITS),
    ]:
        w.add(iri(scheme), RDF_TYPE, f"<{SKOS}ConceptScheme>")
        for slug in slugs:
            label = slug.split("-", 1)[1].replace("-", " ")
            w.add(iri(slug), RDF_TYPE, f"<{SKOS}Concept>")
            w.add(iri(slug), f"<{SKOS}inScheme>", iri(scheme))
            w.add(iri(slug), LABEL, lit(label))
            w.add(iri(slug), f"<{SKOS}prefLabel>", lit(label))


def _amount(w: _Writer, node: str, rnd: random.Random, money: bool, counter: list[int]) -> None:
    w.add(node, RDF_TYPE, p("MonetaryAmount" if money else "Quantity"))
    value = rnd.choice([1, 2, 3, 5, 8, 10, 25, 44, 100, 150, 208]) * 10 ** rnd.randint(3, 9)
    w.add(node, f"<{SCHEMA}value>", typed(f"{value}.0", "decimal"))
    if money:
        w.add(node, f"<{SCHEMA}currency>", f'"{rnd.choice(CURRENCIES)}"')
    else:
        w.add(node, p("unit"), iri(rnd.choice(UNITS)))
    w.add(node, p("qualifier"), iri(rnd.choice(QUALIFIERS)))
    if money and rnd.random() < 0.15:  # a stated USD equivalent, as for the CNY grant
        counter[0] += 1
        eq = f"_:b{counter[0]}"
        w.add(node, p("equivalent"), eq)
        w.add(eq, RDF_TYPE, p("MonetaryAmount"))
        w.add(eq, f"<{SCHEMA}value>", typed(f"{value // 7}.0", "decimal"))
        w.add(eq, f"<{SCHEMA}currency>", '"USD"')
        w.add(eq, p("qualifier"), iri("qualifier-about"))


def generate(size: int, seed: int = 2025) -> Iterator[str]:
    """N-Triples lines, about ``size`` of them (never fewer, at most one record more)."""
    rnd = random.Random(seed)
    w = _Writer()
    _vocabulary(w)
    yield from w.lines
    emitted = len(w.lines)

    n_states = max(6, min(2000, size // 2500))
    n_events = max(2, size // 4000)
    n_sources = max(1, size // 5000)
    sources = [iri(f"source-{i:05d}") for i in range(n_sources)]
    states: list[str] = []
    presidents: dict[str, str] = {}  # state -> person
    w.lines = []
    for i, src in enumerate(sources):
        w.add(src, RDF_TYPE, p("SourceDocument"))
        w.add(src, LABEL, lit(f"Synthetic news report {i}"))
        w.add(src, p("localFile"), f'"{i:05d}.txt"')
    for s in range(n_states):
        name = _name(rnd, 2) + "stan"
        state = iri(f"state-{s:04d}")
        states.append(state)
        src = rnd.choice(sources)
        w.add(state, RDF_TYPE, p("State"))
        w.add(state, LABEL, lit(name))
        w.add(state, p("iso3166Alpha2"), f'"{name[:2].upper()}"')
        w.provenance(state, src, rnd)
        city = iri(f"city-{s:04d}")
        w.add(city, RDF_TYPE, p("City"))
        w.add(city, LABEL, lit(_name(rnd, 2)))
        w.add(city, f"<{SCHEMA}containedInPlace>", state)
        for r, role in enumerate(["president", "foreign-minister", "economy-minister"]):
            person = iri(f"person-{s:04d}-{r}")
            office = iri(f"office-{s:04d}-{r}")
            w.add(person, RDF_TYPE, p("Person"))
            w.add(person, LABEL, lit(f"{_name(rnd, 2)} {_name(rnd, 3)}"))
            w.provenance(person, src, rnd)
            w.add(office, RDF_TYPE, p("Office"))
            w.add(office, LABEL, lit(f"{role.replace('-', ' ').title()} of {name}"))
            w.add(office, f"<{ORG}role>", iri(f"role-{role}"))
            w.add(office, f"<{ORG}postIn>", state)
            w.add(office, f"<{ORG}heldBy>", person)
            w.provenance(office, src, rnd)
            if r == 0:
                w.add(person, p("leaderOf"), state)
                presidents[state] = person
    events: list[tuple[str, list[str]]] = []
    for e in range(n_events):
        ev = iri(f"event-{e:05d}")
        year = 2000 + e % 26
        members = rnd.sample(states, min(len(states), rnd.randint(2, 8)))
        events.append((ev, members))
        w.add(ev, RDF_TYPE, p("Summit" if e % 3 else "Forum"))
        w.add(ev, LABEL, lit(f"Summit {e} ({year})"))
        w.add(ev, f"<{SCHEMA}startDate>", typed(f"{year}-06-{1 + e % 27:02d}", "date"))
        w.add(ev, p("year"), typed(str(year), "gYear"))
        w.add(ev, f"<{SCHEMA}location>", iri(f"city-{states.index(members[0]):04d}"))
        for m in members:
            w.add(ev, p("participant"), m)
            w.add(ev, p("participant"), presidents[m])
        w.add(ev, p("theme"), iri(rnd.choice(THEMES)))
        w.provenance(ev, rnd.choice(sources), rnd)
    yield from w.lines
    emitted += len(w.lines)

    agreements: list[tuple[str, list[str], str]] = []
    commitments: list[str] = []
    blank = [0]
    n = 0
    while emitted < size:
        w.lines = []
        n += 1
        ev, members = rnd.choice(events)
        src = rnd.choice(sources)
        roll = rnd.random()
        if roll < 0.16 or not agreements:  # agreement
            a = iri(f"agreement-{n:07d}")
            cls = rnd.choice(AGREEMENT_CLASSES)
            parties = (
                rnd.sample(members, rnd.randint(2, len(members))) if len(members) > 1 else members
            )
            agreements.append((a, parties, ev))
            w.add(a, RDF_TYPE, p(cls))
            w.add(a, LABEL, lit(f"{cls} {n} on {rnd.choice(WORDS)} and {rnd.choice(WORDS)}"))
            for party in parties:
                w.add(a, p("party"), party)
            w.add(a, p("signingDate"), typed(f"{2000 + n % 26}-06-17", "date"))
            w.add(a, p("adoptedAt"), ev)
            w.add(a, p("sector"), iri(rnd.choice(SECTORS)))
            w.add(a, p("theme"), iri(rnd.choice(THEMES)))
            w.provenance(a, src, rnd)
        elif roll < 0.62:  # commitment
            c = iri(f"commitment-{n:07d}")
            commitments.append(c)
            w.add(c, RDF_TYPE, p("Project" if rnd.random() < 0.3 else "Commitment"))
            w.add(c, LABEL, lit(f"Commitment {n}: {rnd.choice(WORDS)} {rnd.choice(WORDS)}"))
            by = rnd.sample(members, min(len(members), rnd.choice([1, 1, 1, 2, 3])))
            for actor in by:
                w.add(c, p("committedBy"), actor)
            if len(by) == 1:
                w.add(c, p("announcedBy"), presidents[by[0]])
            w.add(c, p("beneficiary"), rnd.choice(members))
            w.add(c, p("commitmentKind"), iri(rnd.choice(KINDS)))
            w.add(c, p("sector"), iri(rnd.choice(SECTORS)))
            w.add(c, p("status"), iri(rnd.choice(STATUSES)))
            w.add(c, p("madeAt"), ev)
            w.add(c, p("targetYear"), typed(str(rnd.randint(2025, 2040)), "gYear"))
            w.add(c, p("theme"), iri(rnd.choice(THEMES)))
            if rnd.random() < 0.6:
                blank[0] += 1
                node = f"_:b{blank[0]}"
                w.add(c, p("amount"), node)
                _amount(w, node, rnd, rnd.random() < 0.85, blank)
            if agreements and rnd.random() < 0.2:
                w.add(c, p("underAgreement"), rnd.choice(agreements)[0])
            w.provenance(c, src, rnd)
        elif roll < 0.76:  # statistic
            st = iri(f"statistic-{n:07d}")
            w.add(st, RDF_TYPE, p("Statistic"))
            w.add(st, LABEL, lit(f"Statistic {n}"))
            w.add(st, p("measure"), iri(rnd.choice(MEASURES)))
            blank[0] += 1
            node = f"_:b{blank[0]}"
            w.add(st, p("value"), node)
            _amount(w, node, rnd, rnd.random() < 0.5, blank)
            w.add(st, p("referenceYear"), typed(str(rnd.randint(2000, 2025)), "gYear"))
            for side in rnd.sample(members, min(2, len(members))):
                w.add(st, p("between"), side)
            w.add(st, p("sector"), iri(rnd.choice(SECTORS)))
            w.provenance(st, src, rnd)
        else:  # statement: quotation (70 %) or paraphrase
            q = iri(f"statement-{n:07d}")
            quote = rnd.random() < 0.7
            w.add(q, RDF_TYPE, p("Quotation" if quote else "Paraphrase"))
            w.add(q, LABEL, lit(f"Statement {n}"))
            words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 6)))
            w.add(q, f"<{SCHEMA}text>" if quote else p("gist"), lit(words))
            about = rnd.random()
            if about < 0.15:  # a leader of a party speaks about the agreement
                a, parties, a_ev = rnd.choice(agreements)
                speaker, target, ev = presidents[rnd.choice(parties)], a, a_ev
            else:
                speaker = presidents[rnd.choice(members)]
                target = rnd.choice(commitments) if commitments and about < 0.6 else ev
            w.add(q, p("speaker"), speaker)
            w.add(q, f"<{SCHEMA}about>", target)
            w.add(q, p("statedAt"), ev)
            w.provenance(q, src, rnd)
        yield from w.lines
        emitted += len(w.lines)


def write(path: Path, size: int, seed: int = 2025) -> int:
    """Write the graph to ``path`` (N-Triples); returns the number of triples."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        buf: list[str] = []
        for line in generate(size, seed):
            buf.append(line)
            if len(buf) >= 50_000:
                fh.writelines(buf)
                count += len(buf)
                buf = []
        fh.writelines(buf)
        count += len(buf)
    tmp.replace(path)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, required=True, help="number of triples (about)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("-o", "--output", type=Path, required=True, help="N-Triples file")
    args = parser.parse_args(argv)
    count = write(args.output, args.size, args.seed)
    print(f"{args.output}: {count} triples", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
