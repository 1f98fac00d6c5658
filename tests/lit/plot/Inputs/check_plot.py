#!/usr/bin/env python3
"""Reports what a findc chart draws, by the colors of its roles (docs/plot.md).

usage: check_plot.py CHART.svg|CHART.png

SVG (parsed with xml.etree): per role, the stroked paths (`strokes`), the
most vertices and pieces (M commands) of one of them, the filled paths
(`fills`) and the most markers (sub-paths) of one of them. The legend's
swatches count as paths too, so a series drawn nowhere but in the legend
shows as strokes=1 vertices=2 or markers=1. PNG (decoded with zlib): the
pixels of each role's color. Exits 1 if the file is not a well-formed chart
or a coordinate is not a finite number on the page.
"""
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

ROLES = {  # plot/Chart.h
    "truth": (0x1f, 0x77, 0xb4),
    "served": (0xff, 0x7f, 0x0e),
    "hypothesis": (0x2c, 0xa0, 0x2c),
    "band": (0xd6, 0x27, 0x28),
}
BAND_ON_WHITE = tuple(round(255 * 0.8 + c * 0.2) for c in ROLES["band"])


def fail(message):
    print("check_plot: " + message)
    sys.exit(1)


def role_of(color):
    m = re.fullmatch(r"rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)", color or "")
    if not m:
        return None
    rgb = tuple(round(float(v) * 2.55) for v in m.groups())
    return next((name for name, c in ROLES.items() if c == rgb), None)


def drawn_paths(element, inside_defs=False):
    tag = element.tag.split("}")[-1]
    if tag in ("defs", "symbol"):
        inside_defs = True
    if tag == "path" and not inside_defs:
        yield element
    for child in element:
        yield from drawn_paths(child, inside_defs)


def check_svg(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail("not XML: %s" % e)
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        fail("the root is not <svg>")
    print("svg %s %s" % (root.get("width"), root.get("height")))
    stats = {name: dict(strokes=0, vertices=0, pieces=0, fills=0, markers=0) for name in ROLES}
    for p in drawn_paths(root):
        style = dict(kv.split(":", 1) for kv in (p.get("style") or "").replace(" ", "").split(";") if ":" in kv)
        d = p.get("d") or ""
        for number in re.findall(r"[-+]?[\d.]+(?:e[-+]?\d+)?|nan|inf", d, re.I):
            value = float(number)
            if not abs(value) < 1e5:
                fail("coordinate %s in a path" % number)
        # Sub-paths: an M that something is drawn from (cairo ends a closed
        # path with a bare M).
        moves = len(re.findall(r"M[^A-Za-z]*(?=[LCZ])", d))
        stroke, fill = role_of(style.get("stroke")), role_of(style.get("fill"))
        if stroke and style.get("fill", "none") == "none":
            s = stats[stroke]
            s["strokes"] += 1
            s["vertices"] = max(s["vertices"], moves + d.count("L"))
            s["pieces"] = max(s["pieces"], moves)
        if fill:
            s = stats[fill]
            s["fills"] += 1
            s["markers"] = max(s["markers"], moves)
    for name, s in stats.items():
        print("%s: " % name + " ".join("%s=%d" % kv for kv in s.items()))


def check_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("no PNG signature")
    chunks, at = {}, 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[at + 8 + length:at + 12 + length])[0]:
            fail("bad CRC in %s" % kind)
        chunks.setdefault(kind, []).append(body)
        at += 12 + length
    width, height, depth, color_type = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    print("png %dx%d" % (width, height))
    if depth != 8 or color_type not in (2, 6) or b"IEND" not in chunks:
        fail("expected 8-bit RGB or RGBA and an IEND")
    channels = 3 if color_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = width * channels
    previous = bytearray(stride)
    counts = dict.fromkeys(ROLES, 0)
    wanted = dict(ROLES, band=BAND_ON_WHITE)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        previous = line
        for x in range(0, stride, channels):
            pixel = tuple(line[x:x + 3])
            for name, color in wanted.items():
                if all(abs(a - b) <= 2 for a, b in zip(pixel, color)):
                    counts[name] += 1
    for name, count in counts.items():
        print("%s: pixels=%d" % (name, count))


path = sys.argv[1]
try:
    open(path, "rb").close()
except OSError as e:
    fail(str(e))
check_png(path) if path.lower().endswith(".png") else check_svg(path)
