"""Builds data/reference/*.csv from the public files named in data/reference/SOURCES.md.

Standard library only. Give it the files as read at the commits SOURCES.md names, e.g.
  git -C open_data show 3fcf109b:IndicesOfDeprivation/IoD2025/local_authority_district/indices_of_deprivation_2025_lad.csv > iod2025.csv
It checks the deprivation figures against the second source (humaniverse/IMD) and stops if any differ,
and checks each mid-2020 total against the sum of its single years of age.
"""
import argparse
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from rda import read_rda  # noqa: E402


def deprivation(iod_csv, imd_rda):
    rows = [r for r in csv.DictReader(open(iod_csv, encoding="utf-8-sig"))
            if r["index_domain"] == "Index of Multiple Deprivation"]
    second = read_rda(imd_rda)["imd2025_england_ltla24"]
    by_code = {c: i for i, c in enumerate(second["ltla24_code"])}
    pairs = [("average_rank", "imd_average_rank"), ("rank_average_rank", "imd_rank_of_average_rank"),
             ("average_score", "imd_average_score"), ("rank_average_score", "imd_rank_of_average_score"),
             ("proportion_bottom_decile", "imd_proportion_of_lso_as_in_most_deprived_10_percent_nationally"),
             ("rank_proportion_bottom_decile", "imd_rank_of_proportion_of_lso_as_in_most_deprived_10_percent_nationally")]
    if len(rows) != 296 or len(by_code) != 296:
        sys.exit("expected 296 districts in both sources, found %d and %d" % (len(rows), len(by_code)))
    differences = []
    for r in rows:
        i = by_code.get(r["area_code"])
        if i is None:
            sys.exit("%s is not in the second source" % r["area_code"])
        for ours, theirs in pairs:
            if abs(float(r[ours]) - float(second[theirs][i])) > 1e-9:
                differences.append("%s %s %s: %s here, %s in the second source" % (r["area_code"], r["area_name"], ours, r[ours], second[theirs][i]))
    for d in differences:
        print("DIFFERS", d)
    differs = {d.split(" ")[0] for d in differences}
    return [[r["area_code"], r["area_name"], r["average_rank"], r["rank_average_rank"], r["average_score"],
             r["rank_average_score"], r["proportion_bottom_decile"], r["rank_proportion_bottom_decile"],
             "differs" if r["area_code"] in differs else "agrees"] for r in rows]


def census(poprank_js):
    text = open(poprank_js, encoding="utf-8").read()
    data = json.loads(text[text.index("["):text.rindex("]") + 1])
    return [[d["LAD"], d["NAME"], d["REGION"], d["POP21"]] for d in data if d["LAD"].startswith("E")]


def mid2020(pop_rda):
    t = read_rda(pop_rda)["population20_utla20"]
    out = []
    for i, code in enumerate(t["utla20_code"]):
        ages = [t[str(a)][i] for a in range(90)] + [t["90+"][i]]
        if abs(sum(ages) - t["total_population"][i]) > 0.5:
            sys.exit("%s: ages add to %s, total says %s" % (code, sum(ages), t["total_population"][i]))
        if code.startswith("E"):
            out.append([code, t["utla20_name"][i], int(t["total_population"][i]), int(sum(ages[18:]))])
    return out


def regions(areas_csv):
    out = []
    for r in csv.DictReader(open(areas_csv, encoding="utf-8-sig")):
        if r["AreaType"] == "Regions" and r["AreaCode"].startswith("E12"):
            for child in r["Children"].split("|"):
                out.append([r["AreaCode"], r["AreaName"].removesuffix(" Region"), child])
    return out


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print("%s: %d rows" % (os.path.basename(path), len(rows)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--iod2025", required=True)
    p.add_argument("--imd2025-rda", required=True)
    p.add_argument("--poprank", required=True)
    p.add_argument("--pop20-rda", required=True)
    p.add_argument("--areas", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    write(os.path.join(a.out, "deprivation-iod2025-lad.csv"),
          ["code", "name", "average_rank", "rank_of_average_rank", "average_score", "rank_of_average_score",
           "share_most_deprived_10pc", "rank_of_share_most_deprived_10pc", "second_source"], deprivation(a.iod2025, a.imd2025_rda))
    write(os.path.join(a.out, "population-census2021-lad.csv"), ["code", "name", "region", "population_2021"], census(a.poprank))
    write(os.path.join(a.out, "population-mid2020-utla.csv"), ["code", "name", "all_ages", "adults_18_plus"], mid2020(a.pop20_rda))
    write(os.path.join(a.out, "region-upper-tier.csv"), ["region_code", "region_name", "code"], regions(a.areas))


if __name__ == "__main__":
    main()
