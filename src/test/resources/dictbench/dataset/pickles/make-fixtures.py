"""Writes the CPython pickle fixtures PickleFormatTest reads: python3 make-fixtures.py (in this directory).

A dict of str to str at protocols 2 to 5 with the shapes a reader must take (empty strings, non-ASCII and
supplementary characters, a string of 256+ UTF-8 bytes, one value object shared so the pickle holds a memo get,
more than one SETITEMS batch), dict.json with its content, small dicts, a pickle of several frames the writer must
reproduce byte for byte, and pickles the reader must refuse.
"""
import collections
import json
import pickle

shared = "shared-" + "v" * 3
d = {"": "", "k\u00e9y": "v\u00e4lue", "\U0001F600emoji": "\U0001F4A9", "long": "x" * 300, "a": shared, "b": shared}
for i in range(1200):
    d[f"key-{i:05d}"] = f"value-{i * 7919 % 10007}"
for proto in (2, 3, 4, 5):
    with open(f"dict-protocol-{proto}.pickle", "wb") as f:
        pickle.dump(d, f, protocol=proto)
with open("dict.json", "w") as f:
    json.dump(d, f, ensure_ascii=True, sort_keys=True)
with open("empty-protocol-4.pickle", "wb") as f:
    pickle.dump({}, f, protocol=4)
with open("one-item-protocol-4.pickle", "wb") as f:
    pickle.dump({"only": "one"}, f, protocol=4)
# distinct strings only, in insertion order, over several frames and SETITEMS batches: PickleFormat's writer must
# write these bytes exactly
with open("frames-protocol-4.pickle", "wb") as f:
    pickle.dump({f"k{i:06d}": f"value-{i}-" * (1 + i % 5) for i in range(5000)}, f, protocol=4)
with open("ordereddict-protocol-4.pickle", "wb") as f:
    pickle.dump(collections.OrderedDict(a="b"), f, protocol=4)
with open("int-value-protocol-4.pickle", "wb") as f:
    pickle.dump({"a": 1}, f, protocol=4)


class Evil:
    def __reduce__(self):
        import os
        return (os.system, ("echo pwned",))


with open("os-system-protocol-2.pickle", "wb") as f:
    pickle.dump({"a": Evil()}, f, protocol=2)
