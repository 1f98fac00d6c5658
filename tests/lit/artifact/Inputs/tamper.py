"""Rewrites a findc artifact for the refusal tests (engine/Artifact.h's layout).

  tamper.py IN OUT set KEY JSON     a header field set to a JSON value
  tamper.py IN OUT add-feature NAME a CPU feature the artifact requires
  tamper.py IN OUT flip OFFSET      one byte of the shared object changed
  tamper.py IN OUT truncate N       the last N bytes cut
  tamper.py IN - sha256-ok SOURCE   exit 0 iff the header's source_sha256 is
                                    hashlib's SHA-256 of SOURCE
The checksum is recomputed after set and add-feature (as findc writes it:
compiler/support/Hash.cpp's checksum64), so only the field differs.
"""
import hashlib
import json
import struct
import sys

MAGIC = b"FINDCART"
MASK = (1 << 64) - 1
MULTIPLIER = 0x9E3779B97F4A7C15


LANES = 8


def mix(h, word):
    h = ((h ^ word) * MULTIPLIER) & MASK
    return h ^ (h >> 29)


def checksum64(data):
    """Word i of the data goes to lane i % LANES; the bytes after the last
    whole word, zero-padded, into one more word; then the lanes fold."""
    lanes = [((len(data) + lane) * MULTIPLIER) & MASK for lane in range(LANES)]
    whole = len(data) // 8 * 8
    for i, (word,) in enumerate(struct.iter_unpack("<Q", data[:whole])):
        lanes[i % LANES] = mix(lanes[i % LANES], word)
    h = mix((len(data) * MULTIPLIER) & MASK, int.from_bytes(data[whole:], "little"))
    for lane in lanes:
        h = mix(h, lane)
    h = (h * MULTIPLIER) & MASK
    return h ^ (h >> 32)


def split(data):
    assert data.endswith(MAGIC), "not an artifact"
    offset, _ = struct.unpack_from("<QQ", data, len(data) - 16 - len(MAGIC))
    pos = offset + 4
    parts = []
    for _ in range(3):
        (n,) = struct.unpack_from("<Q", data, pos)
        parts.append(data[pos + 8:pos + 8 + n])
        pos += 8 + n
    return data[:offset], data[offset:offset + 4], parts


def join(elf, layout, parts):
    out = bytearray(elf) + layout
    for part in parts:
        out += struct.pack("<Q", len(part)) + part
    out += struct.pack("<Q", len(elf))
    out += struct.pack("<Q", checksum64(bytes(out)))
    return bytes(out + MAGIC)


def main():
    source, target, mode = sys.argv[1:4]
    data = open(source, "rb").read()
    if mode == "sha256-ok":
        header = json.loads(split(data)[2][0])
        expected = hashlib.sha256(open(sys.argv[4], "rb").read()).hexdigest()
        sys.exit(0 if header["source_sha256"] == expected else 1)
    if mode in ("set", "add-feature"):
        elf, layout, parts = split(data)
        header = json.loads(parts[0])
        if mode == "set":
            header[sys.argv[4]] = json.loads(sys.argv[5])
        else:
            header["cpu_features"].append(sys.argv[4])
        parts[0] = json.dumps(header).encode()
        data = join(elf, layout, parts)
    elif mode == "flip":
        offset = int(sys.argv[4])
        data = data[:offset] + bytes([data[offset] ^ 0x40]) + data[offset + 1:]
    elif mode == "truncate":
        data = data[:len(data) - int(sys.argv[4])]
    open(target, "wb").write(data)


main()
