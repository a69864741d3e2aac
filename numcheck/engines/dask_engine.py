"""Extraction on a Dask cluster, claims kept as partitioned Parquet.

The articles are read here, as a stream, and sent to the cluster one partition
at a time (this process never holds more than one partition of articles). Dask
maps ``extract`` over the partitions and writes one row per claim to Parquet:
the flat columns of ``render.rows.CLAIM_COLUMNS``, the claim's exact JSON (the
ledger's format) so it can be rebuilt, and the order it was found in (article
sequence number, then its place among the article's claims).

The rules folders, ``out_dir`` and numcheck itself must be reachable from the
workers at the same paths: folders are made absolute before they are sent, and
each worker process loads the vocabulary once and keeps it.

Needs the optional packages ``dask[distributed]`` and ``pyarrow``.
"""
from __future__ import annotations

import os
import tempfile
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .. import findings as findings_mod
from .. import lexicon, rulebook
from ..errors import InputError, UsageError
from ..extract import extract
from ..ledger import _claim_from_json, _claim_to_json
from ..model import Article, Claim, Finding
from ..read import read_paths
from ..render.rows import CLAIM_COLUMNS, claim_row

JSON_COLUMN = "claim_json"
SEQ_COLUMN = "article_seq"  # the article's place in the stream read_paths gives
POS_COLUMN = "claim_pos"  # the claim's place among its article's claims
COLUMNS = CLAIM_COLUMNS + (JSON_COLUMN, SEQ_COLUMN, POS_COLUMN)

_INT_COLUMNS = {"sentence", "start", "end", "line", SEQ_COLUMN, POS_COLUMN}
_FLOAT_COLUMNS = {"value", "low", "high"}

# One vocabulary per worker process and rules folders, loaded on first use.
_LEXICONS: dict[tuple[str, ...], lexicon.Lexicon] = {}


def _lexicon(rules_dirs: tuple[str, ...]) -> lexicon.Lexicon:
    lex = _LEXICONS.get(rules_dirs)
    if lex is None:
        lex = _LEXICONS[rules_dirs] = lexicon.load(rules_dirs)
    return lex


def _dtypes() -> dict[str, str]:
    return {name: "int64" if name in _INT_COLUMNS else "float64" if name in _FLOAT_COLUMNS else "string"
            for name in COLUMNS}


def _meta():
    import pandas as pd
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in _dtypes().items()})


def _rows(partition: Iterable[tuple[int, Article]], rules_dirs: tuple[str, ...]) -> list[dict]:
    """A partition of (sequence number, article) -> one row per claim (runs on a worker)."""
    lex = _lexicon(rules_dirs)
    rows = []
    for seq, article in partition:
        for pos, claim in enumerate(extract(article, lex)):
            row = claim_row(claim)
            for name in _FLOAT_COLUMNS:
                row[name] = None if row[name] is None else float(row[name])
            row[JSON_COLUMN] = _claim_to_json(claim)
            row[SEQ_COLUMN] = seq
            row[POS_COLUMN] = pos
            rows.append(row)
    return rows


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[tuple[int, Article]]]:
    numbered = enumerate(articles)
    while chunk := list(islice(numbered, size)):
        yield chunk


def _prepare_out_dir(out_dir: str) -> str:
    """An absolute folder that is empty or holds only Parquet parts; old parts are removed."""
    folder = Path(out_dir).resolve()
    if folder.exists() and not folder.is_dir():
        raise InputError("the Parquet output is a file, not a folder", where=out_dir)
    if folder.is_dir():
        entries = list(folder.iterdir())
        foreign = [e.name for e in entries if not (e.is_file() and e.suffix == ".parquet"
                                                   or e.name in ("_metadata", "_common_metadata"))]
        if foreign:
            raise InputError(f"the Parquet output folder holds other files ({', '.join(sorted(foreign)[:3])}); "
                             "give an empty or new folder", where=out_dir)
        for entry in entries:
            entry.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def _client(scheduler: str | None):
    """(client, cluster or None): a local cluster of two processes, or the given scheduler."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError(f"the dask engine needs dask[distributed] and pyarrow ({exc})") from None
    if scheduler is None:
        # No dashboard; the scheduler's small HTTP server (health checks) takes any free
        # local port rather than 8787, which another cluster may hold.
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
        try:
            return Client(cluster), cluster
        except BaseException:
            cluster.close()
            raise
    try:
        return Client(scheduler), None
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None


def extract_to_parquet(paths: list[str], out_dir: str, *, published: date | None = None,
                       rules_dirs: tuple[str, ...] = (), scheduler: str | None = None,
                       partition_size: int = 100, warn: Callable[[str], None] | None = None) -> str:
    """Extract the claims of every article under ``paths`` on Dask; write them to ``out_dir`` as Parquet.

    ``scheduler`` is a Dask scheduler address ("tcp://host:8786"); with None a
    local cluster of two worker processes is started and closed afterwards.
    ``warn`` gets what ``read_paths`` reports about input it skips. Returns ``out_dir``.
    """
    try:
        import dask.bag as db
        import pyarrow  # noqa: F401 - to_parquet needs it; say so before starting a cluster
    except ImportError as exc:
        raise UsageError(f"the dask engine needs dask[distributed] and pyarrow ({exc})") from None
    if partition_size < 1:
        raise UsageError("partition_size must be at least 1")
    if not isinstance(paths, (list, tuple)):
        raise UsageError("paths must be a list of files or folders")
    if "-" in paths:
        raise UsageError("the dask engine reads files and folders, not standard input ('-')")
    rules_dirs = tuple(str(Path(d).resolve()) for d in rules_dirs)
    lexicon.load(rules_dirs)  # a bad vocabulary file stops us here, before any cluster starts
    folder = _prepare_out_dir(out_dir)
    client, cluster = _client(scheduler)
    try:
        parts = []
        for chunk in _chunks(read_paths(list(paths), published, warn), partition_size):
            parts.extend(client.scatter([chunk], hash=False))  # this process keeps one chunk at a time
        if not parts:
            parts = client.scatter([[]], hash=False)  # no articles: still one (empty) part
        claims = db.from_delayed(parts).map_partitions(_rows, rules_dirs)
        frame = claims.to_dataframe(meta=_meta())
        client.compute(frame.to_parquet(folder, engine="pyarrow", write_index=False, compute=False),
                       sync=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return out_dir


def read_claims(out_dir: str) -> list[Claim]:
    """The claims written by ``extract_to_parquet``, rebuilt exactly, in the order they were found."""
    import pandas as pd
    frame = pd.read_parquet(out_dir, engine="pyarrow", columns=["article", JSON_COLUMN, SEQ_COLUMN, POS_COLUMN])
    frame = frame.sort_values([SEQ_COLUMN, POS_COLUMN], kind="stable")
    return [_claim_from_json(str(article), str(data))
            for article, data in zip(frame["article"].tolist(), frame[JSON_COLUMN].tolist())]


def analyse(paths: list[str], *, published: date | None = None, rules_dirs: tuple[str, ...] = (),
            scheduler: str | None = None, out_dir: str | None = None,
            partition_size: int = 100, warn: Callable[[str], None] | None = None
            ) -> tuple[list[Claim], list[Finding]]:
    """(claims, findings) for the articles under ``paths``, extracted on Dask.

    The claims go through Parquet in ``out_dir`` (kept) or a temporary folder
    (removed); the rules run here, over all claims at once.
    """
    rules = rulebook.load(tuple(rules_dirs))  # a bad rule file stops us before any work
    if out_dir is None:
        scratch = tempfile.mkdtemp(prefix="numcheck-dask-")
        try:
            target = os.path.join(scratch, "claims")
            extract_to_parquet(paths, target, published=published, rules_dirs=rules_dirs,
                               scheduler=scheduler, partition_size=partition_size, warn=warn)
            claims = read_claims(target)
        finally:
            import shutil
            shutil.rmtree(scratch, ignore_errors=True)
    else:
        extract_to_parquet(paths, out_dir, published=published, rules_dirs=rules_dirs,
                           scheduler=scheduler, partition_size=partition_size, warn=warn)
        claims = read_claims(out_dir)
    return claims, findings_mod.run(rules, claims)
