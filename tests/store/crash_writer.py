"""Subprocess for the kill -9 test: add N filler documents to a store, 5 per batch, printing
the number of documents handed to ``Store.add`` so far (the parent kills us mid-way)."""

from __future__ import annotations

import sys

from sample_documents import filler_document

from dyads.store import Store


def documents(n: int):
    for i in range(n):
        sys.stdout.write(f"{i}\n")
        sys.stdout.flush()
        yield filler_document(i)


if __name__ == "__main__":
    path, n = sys.argv[1], int(sys.argv[2])
    with Store(path) as store:
        store.add(documents(n), batch_size=5)
    sys.stdout.write("done\n")
