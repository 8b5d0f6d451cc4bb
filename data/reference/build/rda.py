"""A small reader for R's .rda files (XDR serialisation, versions 2 and 3), enough for data frames.

Standard library only, so the reference tables can be rebuilt without R. Returns data frames as
dicts of column name -> list.
"""
import bz2
import gzip
import lzma
import struct


def _decompress(raw):
    for d in (bz2.decompress, gzip.decompress, lzma.decompress):
        try:
            return d(raw)
        except Exception:  # noqa: BLE001 - try the next format
            pass
    return raw


class _Reader:
    def __init__(self, data):
        self.d = data
        self.p = 0
        self.refs = []

    def int(self):
        v = struct.unpack_from(">i", self.d, self.p)[0]
        self.p += 4
        return v

    def bytes(self, n):
        b = self.d[self.p:self.p + n]
        self.p += n
        return b

    def item(self):
        flags = self.int()
        t = flags & 0xFF
        has_attr = bool(flags & (1 << 9))
        has_tag = bool(flags & (1 << 10))
        if t == 254:  # NILVALUE
            return None
        if t == 255:  # REFSXP
            return self.refs[(flags >> 8) - 1]
        if t in (242, 251, 253):  # empty env, missing arg, global env
            return None
        if t == 1:  # SYMSXP
            name = self.item()
            self.refs.append(name)
            return name
        if t == 9:  # CHARSXP
            n = self.int()
            return None if n == -1 else self.bytes(n).decode("utf-8")
        if t in (2, 17):  # LISTSXP / ATTRLISTSXP
            out = []
            while True:
                attr = self.item() if has_attr else None
                tag = self.item() if has_tag else None
                out.append((tag, self.item()))
                flags = self.int()
                t = flags & 0xFF
                if t == 254:
                    break
                has_attr = bool(flags & (1 << 9))
                has_tag = bool(flags & (1 << 10))
            return dict(out)
        if t in (10, 13):  # LGLSXP / INTSXP
            n = self.int()
            v = [None if x == -2147483648 else x for x in struct.unpack_from(">%di" % n, self.d, self.p)]
            self.p += 4 * n
        elif t == 14:  # REALSXP
            n = self.int()
            v = list(struct.unpack_from(">%dd" % n, self.d, self.p))
            self.p += 8 * n
        elif t == 16:  # STRSXP
            n = self.int()
            v = [self.item() for _ in range(n)]
        elif t == 19:  # VECSXP
            n = self.int()
            v = [self.item() for _ in range(n)]
        else:
            raise ValueError("unsupported R type %d" % t)
        attrs = self.item() if has_attr else None
        if t == 19 and attrs and "names" in attrs:
            return dict(zip(attrs["names"], v))
        return v


def read_rda(path):
    """Every object in an .rda file, by name."""
    data = _decompress(open(path, "rb").read())
    if data[:5] not in (b"RDX2\n", b"RDX3\n") or data[5:7] != b"X\n":
        raise ValueError("not an XDR .rda file")
    r = _Reader(data)
    r.p = 7
    version = r.int()
    r.int()
    r.int()
    if version == 3:
        r.bytes(r.int())  # native encoding name
    return r.item()
