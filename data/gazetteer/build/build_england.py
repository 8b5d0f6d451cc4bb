#!/usr/bin/env python3
"""Builds data/gazetteer/places.csv and local-authorities.csv for all of England.

Inputs (see ../SOURCES.md for where each comes from and at which commit):
  --os-places   gb_populated_places_all_BNG.csv  (OS Open Names populated places, alasdairrae/gb-places)
  --authorities uk_local_authorities.csv         (mySociety uk_local_authority_names_and_codes)
  --old-places  the previous places.csv          (rows OS lacks are carried over with their own source)
Writes the two CSVs into --out and prints a summary and a check against the old (GeoNames) rows.

Python 3 standard library only. Run from the repository root:
  python3 data/gazetteer/build/build_england.py --os-places ... --authorities ... --old-places data/gazetteer/places.csv --out data/gazetteer
"""

import argparse
import collections
import csv
import math
import re
import statistics
import sys

# ---- OS National Grid (OSGB36) easting/northing -> WGS84 latitude/longitude ----------------------

AIRY_A, AIRY_B = 6377563.396, 6356256.909
GRS80_A, GRS80_B = 6378137.000, 6356752.3141
F0 = 0.9996012717
LAT0, LON0 = math.radians(49.0), math.radians(-2.0)
E0, N0 = 400000.0, -100000.0


def _meridional_arc(b, n, phi):
    return b * F0 * (
        (1 + n + 1.25 * n**2 + 1.25 * n**3) * (phi - LAT0)
        - (3 * n + 3 * n**2 + 2.625 * n**3) * math.sin(phi - LAT0) * math.cos(phi + LAT0)
        + (1.875 * n**2 + 1.875 * n**3) * math.sin(2 * (phi - LAT0)) * math.cos(2 * (phi + LAT0))
        - (35 / 24) * n**3 * math.sin(3 * (phi - LAT0)) * math.cos(3 * (phi + LAT0))
    )


def grid_to_osgb36(e, n_):
    """Inverse Transverse Mercator on the Airy 1830 ellipsoid (OS 'A guide to coordinate systems', C.2)."""
    a, b = AIRY_A, AIRY_B
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)
    phi = LAT0 + (n_ - N0) / (a * F0)
    m = _meridional_arc(b, n, phi)
    while abs(n_ - N0 - m) >= 0.00001:
        phi += (n_ - N0 - m) / (a * F0)
        m = _meridional_arc(b, n, phi)
    s, c, t = math.sin(phi), math.cos(phi), math.tan(phi)
    nu = a * F0 / math.sqrt(1 - e2 * s * s)
    rho = a * F0 * (1 - e2) / (1 - e2 * s * s) ** 1.5
    eta2 = nu / rho - 1
    vii = t / (2 * rho * nu)
    viii = t / (24 * rho * nu**3) * (5 + 3 * t * t + eta2 - 9 * t * t * eta2)
    ix = t / (720 * rho * nu**5) * (61 + 90 * t * t + 45 * t**4)
    x = 1 / (c * nu)
    xi = 1 / (c * 6 * nu**3) * (nu / rho + 2 * t * t)
    xii = 1 / (c * 120 * nu**5) * (5 + 28 * t * t + 24 * t**4)
    xiia = 1 / (c * 5040 * nu**7) * (61 + 662 * t * t + 1320 * t**4 + 720 * t**6)
    de = e - E0
    lat = phi - vii * de**2 + viii * de**4 - ix * de**6
    lon = LON0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return lat, lon


def _to_cartesian(lat, lon, a, b):
    e2 = 1 - (b * b) / (a * a)
    nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    return (nu * math.cos(lat) * math.cos(lon), nu * math.cos(lat) * math.sin(lon), (1 - e2) * nu * math.sin(lat))


def _from_cartesian(x, y, z, a, b):
    e2 = 1 - (b * b) / (a * a)
    p = math.hypot(x, y)
    lat = math.atan2(z, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z + e2 * nu * math.sin(lat), p)
    return lat, math.atan2(y, x)


def osgb36_to_wgs84(lat, lon):
    """Helmert transformation OSGB36 -> WGS84 (the inverse of the OS's published WGS84 -> OSGB36 set; ~5 m)."""
    x, y, z = _to_cartesian(lat, lon, AIRY_A, AIRY_B)
    tx, ty, tz = 446.448, -125.157, 542.060
    s = -20.4894e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (0.1502, 0.2470, 0.8421))
    x2 = tx + (1 + s) * x + (-rz) * y + ry * z
    y2 = ty + rz * x + (1 + s) * y + (-rx) * z
    z2 = tz + (-ry) * x + rx * y + (1 + s) * z
    lat2, lon2 = _from_cartesian(x2, y2, z2, GRS80_A, GRS80_B)
    return math.degrees(lat2), math.degrees(lon2)


def grid_to_wgs84(e, n):
    return osgb36_to_wgs84(*grid_to_osgb36(e, n))


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1, math.sqrt(a)))


# ---- Local authorities ----------------------------------------------------------------------------

TIERS = {"UA": "unitary", "NMD": "district", "MD": "metropolitan-district", "LBO": "london-borough", "CC": "london-borough", "CTY": "county"}

# The name Waymark shows, where mySociety's "nice-name" is not the everyday one.
NAME_OVERRIDES = {
    "E06000023": "Bristol",
    "E06000059": "Dorset",
    "E07000138": "Lincoln",
    "E07000146": "King's Lynn and West Norfolk",
    "E08000013": "St Helens",
}

# The ONS official name (LAD names and codes) where it differs from ours.
ONS_NAMES = {
    "E06000010": "Kingston upon Hull, City of",
    "E06000019": "Herefordshire, County of",
    "E06000023": "Bristol, City of",
    "E08000013": "St. Helens",
}

# Short names people use.
SHORT_NAMES = {
    "E06000010": ["Hull"],
    "E06000011": ["East Riding", "East Yorkshire"],
    "E06000047": ["Durham"],
    "E06000058": ["BCP"],
    "E06000033": ["Southend"],
    "E06000021": ["Stoke"],
    "E06000043": ["Brighton"],
    "E07000112": ["Shepway"],  # its name until 2018
}

# GSS codes ONS changed after the mySociety snapshot: (current code, retired code). The boundary between
# Barnsley and Sheffield moved, so ONS gave both new codes (LAD 2025).
RECODED = {"E08000016": "E08000038", "E08000019": "E08000039"}

# OS Open Names (2019) spells some authorities its own way; these are those names, as aliases and for matching.
OS_NAME_FORMS = {
    "City and County of the City of London": "E09000001",
    "City of Westminster": "E09000033",
    "The City of Brighton and Hove": "E06000043",
    "County of Herefordshire": "E06000019",
}


def load_authorities(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    england = [r for r in rows if r["nation"] == "England" and r["local-authority-type"] in TIERS]
    by_registry = {r["local-authority-code"]: r for r in england}
    current = [r for r in england if r["current-authority"] == "True"]

    def successor(r, seen=()):
        """The one current authority a retired one became, or None when it split."""
        if r["current-authority"] == "True":
            return r
        nxt = r["replaced-by"].split(",")
        if len(nxt) != 1 or nxt[0] not in by_registry or nxt[0] in seen:
            return None
        return successor(by_registry[nxt[0]], seen + (nxt[0],))

    out = []
    for r in current:
        old_code = r["gss-code"]
        code = RECODED.get(old_code, old_code)
        name = NAME_OVERRIDES.get(old_code, r["nice-name"])
        parent = ""
        if r["local-authority-type"] == "NMD":
            parent = by_registry[r["county-la"]]["gss-code"]
        out.append({
            "code": code,
            "name": name,
            "tier": TIERS[r["local-authority-type"]],
            "parent_code": parent,
            "region": r["region"],
            "_registry": r["local-authority-code"],
            "_aliases": [],
        })
    by_code = {a["code"]: a for a in out}
    by_reg = {a["_registry"]: a for a in out}

    def add(a, alias):
        if alias and alias.lower() != a["name"].lower() and alias.lower() not in (x.lower() for x in a["_aliases"]):
            a["_aliases"].append(alias)

    for a in out:
        old = next(c for c, n in RECODED.items() if n == a["code"]) if a["code"] in RECODED.values() else a["code"]
        add(a, ONS_NAMES.get(old))
        for s in SHORT_NAMES.get(old, []):
            add(a, s)
        if a["name"] != by_registry[a["_registry"]]["nice-name"]:
            add(a, by_registry[a["_registry"]]["nice-name"])
        if old != a["code"]:
            add(a, old)
        for former in filter(None, by_registry[a["_registry"]]["former-gss-codes"].split(",")):
            add(a, former.strip())
    for form, code in OS_NAME_FORMS.items():
        add(by_code[code], form)
    # Retired authorities that became exactly one current one: their codes and names now mean it.
    retired = sorted((r for r in england if r["current-authority"] == "False"), key=lambda r: r["gss-code"])
    dropped = []
    for r in retired:
        s = successor(r)
        if s is None:
            dropped.append(f'{r["gss-code"]} {r["nice-name"]} (split between {r["replaced-by"]})')
            continue
        a = by_reg[s["local-authority-code"]]
        add(a, r["gss-code"])
        if r["local-authority-type"] != "CTY":
            add(a, r["nice-name"])

    # An alias may not be another row's name or alias.
    owners = collections.defaultdict(set)
    for a in out:
        for x in [a["name"], a["code"]] + a["_aliases"]:
            owners[x.lower()].add(a["code"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    if clashes:
        sys.exit(f"alias clashes: {clashes}")
    # The registry gives two counties (Derbyshire, Lincolnshire) a region none of their districts is in; a
    # county lies wholly in one region, so it takes its districts' region.
    for county in (a for a in out if a["tier"] == "county"):
        regions = {a["region"] for a in out if a["parent_code"] == county["code"]}
        if len(regions) == 1:
            county["region"] = regions.pop()
    out.sort(key=lambda a: a["code"])
    return out, dropped, by_registry, successor


# ---- Places ---------------------------------------------------------------------------------------

def key(name):
    """How Waymark compares names (Gazetteer's PlaceIndex.Key does the same): case, hyphens, dots and apostrophes aside."""
    s = name.lower().replace("-", " ").replace("'", "").replace("\u2019", "").replace(".", "").replace("&", "and")
    return " ".join(s.split())


RANK = {"city": 5, "town": 4, "village": 3, "suburb": 2, "hamlet": 1, "settlement": 0}
MERGE_KM = 3.0

KINDS = {"City": "city", "Town": "town", "Village": "village", "Hamlet": "hamlet", "Suburban Area": "suburb", "Other Settlement": "settlement"}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--os-places", required=True)
    p.add_argument("--authorities", required=True)
    p.add_argument("--old-places", required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args()

    authorities, dropped, by_registry, successor = load_authorities(args.authorities)
    lookup = {}
    for a in authorities:
        for x in [a["name"]] + a["_aliases"]:
            lookup.setdefault(x.lower(), a)
    by_name = {a["name"]: a for a in authorities}

    def authority_of(os_name):
        key = os_name.replace("St. ", "St ").lower()
        if key in lookup:
            return lookup[key]
        for prefix in ("city of ", "the city of "):
            if key.startswith(prefix) and key[len(prefix):] in lookup:
                return lookup[key[len(prefix):]]
        # Retired districts that merged into one (split ones never reach here: OS names a district).
        for r in by_registry.values():
            if r["nice-name"].replace("St. ", "St ").lower() == key and successor(r):
                return by_name.get(NAME_OVERRIDES.get(successor(r)["gss-code"], successor(r)["nice-name"]))
        sys.exit(f"no current authority for OS name {os_name!r}")

    lower_tier = {"unitary", "district", "metropolitan-district", "london-borough"}
    places = []
    os_names_seen = collections.Counter()
    mapping = {}
    for r in csv.DictReader(open(args.os_places, encoding="utf-8-sig")):
        if r["COUNTRY"] != "England" or r["TYPE"] != "populatedPlace":
            continue
        os_la = r["DISTRICT_BOROUGH"] or r["COUNTY_UNITARY"]
        a = authority_of(os_la)
        assert a["tier"] in lower_tier, (os_la, a)
        mapping[os_la] = a["name"]
        lat, lon = grid_to_wgs84(float(r["X"]), float(r["Y"]))
        kind = KINDS[r["LOCAL_TYPE"]]
        names = [r["NAME1"]]
        # A second name in English or Welsh (e.g. Youlgrave/Youlgreave); not Roman-fort names.
        if r["NAME2"] and "roman" not in r["NAME2"].lower():
            names.append(r["NAME2"])
        for name in names:
            places.append((name, lat, lon, a["name"], kind, "os-open-names"))
            os_names_seen[key(name)] += 1

    # The previous file: carry over rows OS lacks; check the rest against OS.
    old = list(csv.DictReader(open(args.old_places, encoding="utf-8")))
    carried, checked, upgraded = [], [], []
    qualified = re.compile(r"^(?P<base>.+?) \((?P<q>.+)\)$")
    for r in old:
        name = r["name"]
        m = qualified.match(name)
        base = m.group("base") if m else name
        same = [p for p in places if key(p[0]) == key(base) and p[3] == r["local_authority"]]
        if same:
            best = min(same, key=lambda p: km(p[1], p[2], float(r["lat"]), float(r["lon"])))
            checked.append((name, r["source"], km(best[1], best[2], float(r["lat"]), float(r["lon"]))))
            # OS calls a few towns "Other Settlement" or "Suburban Area" (Swinton, Rotherham); where the previous
            # file said town or city, keep that, so the name is not taken for a hamlet.
            if r["kind"] in ("town", "city") and RANK[r["kind"]] > RANK[best[4]]:
                upgraded.append(f"{best[0]} ({best[3]}): {best[4]} -> {r['kind']}")
                places[places.index(best)] = best[:4] + (r["kind"],) + best[5:]
            if not m:
                continue
            if key(name) not in os_names_seen and m.group("q").lower() in lookup:
                # The qualifier is a council, so the qualified form resolves on its own ("Preston (East Riding)").
                continue
        carried.append((name, float(r["lat"]), float(r["lon"]), r["local_authority"], r["kind"], r["source"]))

    # OS sometimes has one place twice (a village and a "settlement" point, or a suburb and the old village):
    # the same name in the same authority within MERGE_KM is one place to a person; keep the bigger kind.
    groups = collections.defaultdict(list)
    for p_ in sorted(places + carried, key=lambda p: (-RANK[p[4]], p[0], p[1], p[2])):
        groups[(key(p_[0]), p_[3])].append(p_)
    rows, merged = [], []
    for members in groups.values():
        kept = []
        for p_ in members:
            if any(km(p_[1], p_[2], k[1], k[2]) <= MERGE_KM for k in kept):
                merged.append(p_)
            else:
                kept.append(p_)
        rows.extend(kept)
    rows.sort(key=lambda p: (p[0].lower(), p[3], p[4], p[1], p[2]))
    with open(f"{args.out}/places.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "lat", "lon", "local_authority", "kind", "source"])
        for name, lat, lon, la, kind, source in rows:
            w.writerow([name, f"{lat:.4f}", f"{lon:.4f}", la, kind, source])
    with open(f"{args.out}/local-authorities.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "tier", "parent_code", "region", "aliases"])
        for a in authorities:
            w.writerow([a["code"], a["name"], a["tier"], a["parent_code"], a["region"], ";".join(a["_aliases"])])

    print(f"authorities: {len(authorities)} ({collections.Counter(a['tier'] for a in authorities)})")
    print("retired codes not used as aliases (split):", *dropped, sep="\n  ")
    print(f"places: {len(rows)} rows, {len({p[0].lower() for p in rows})} distinct names; kinds {collections.Counter(p[4] for p in rows)}")
    print(f"OS authority names mapped to a different current name: " + "; ".join(f"{k} -> {v}" for k, v in sorted(mapping.items()) if k != v))
    print("kind raised to the previous file's town or city:", *upgraded, sep="\n  ")
    print(f"merged into a bigger place of the same name within {MERGE_KM} km: {len(merged)}")
    print(f"carried over from the previous file ({len(carried)}):", *(f"{c[0]} ({c[5]})" for c in carried), sep="\n  ")
    for source in sorted({c[1] for c in checked}):
        d = sorted(c[2] for c in checked if c[1] == source)
        print(f"check vs previous {source}: {len(d)} rows, median {statistics.median(d):.2f} km, 90th {d[int(len(d) * 0.9)]:.2f} km, max {d[-1]:.2f} km")
    far = sorted((c for c in checked if c[2] > 3), key=lambda c: -c[2])
    print("more than 3 km apart:", *(f"{n} ({s}) {d:.1f} km" for n, s, d in far), sep="\n  ")
    missing = [r["name"] for r in old if r["local_authority"] not in by_name]
    assert not missing, missing


if __name__ == "__main__":
    main()
