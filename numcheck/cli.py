"""The command line: parse options, call the pipeline, print. No logic lives here."""
from __future__ import annotations

import os
import sys
from datetime import date
from enum import IntEnum

import click

from . import __version__
from .errors import NumcheckError
from .model import level_rank
from .output import atomic_file, write_atomic


class ExitCode(IntEnum):
    OK = 0  # nothing at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    ERROR = 2  # usage or input error


class _Group(click.Group):
    """Errors as one line on standard error and exit code 2, never a traceback."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("numcheck: interrupted", err=True)
            sys.exit(ExitCode.ERROR)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            click.echo(f"numcheck: error: {exc.format_message()}{hint}", err=True)
            sys.exit(ExitCode.ERROR)
        except click.ClickException as exc:
            click.echo(f"numcheck: error: {exc.format_message()}", err=True)
            sys.exit(ExitCode.ERROR)
        except NumcheckError as exc:
            click.echo(f"numcheck: error: {exc}", err=True)
            sys.exit(ExitCode.ERROR)
        except KeyboardInterrupt:
            click.echo("numcheck: interrupted", err=True)
            sys.exit(ExitCode.ERROR)
        except Exception as exc:  # a bug of ours: say so in one line, never exit 1 as if it were findings
            if os.environ.get("NUMCHECK_DEBUG"):
                raise
            click.echo(f"numcheck: internal error: {type(exc).__name__}: {exc} "
                       "(set NUMCHECK_DEBUG=1 for the traceback, and please report it)", err=True)
            sys.exit(ExitCode.ERROR)
        sys.exit(code or 0)


def _parse_published(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def common(func):
    """Options every command takes."""
    func = click.argument("paths", nargs=-1, metavar="PATH...")(func)
    func = click.option("--published", callback=_parse_published, metavar="DATE",
                        help="Publication date (YYYY-MM-DD) for articles that have none in front matter.")(func)
    func = click.option("--rules", "rules_dirs", multiple=True, metavar="DIR",
                        type=click.Path(file_okay=False),
                        help="A folder of extra rules and vocabulary (checks/*.yaml, vocab/*.yaml); "
                             "adds to or overrides the defaults. Repeatable.")(func)
    func = click.option("--ledger", metavar="DB", envvar="NUMCHECK_LEDGER", type=click.Path(dir_okay=False),
                        help="Check against every claim in this ledger (SQLite; see 'numcheck ingest'). "
                             "Also read from NUMCHECK_LEDGER.")(func)
    func = click.option("--changed-only", is_flag=True,
                        help="With --ledger: skip articles the ledger already holds unchanged.")(func)
    func = click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                        help="Processes for extraction; 0 uses every core.")(func)
    func = click.option("--baseline", metavar="FILE", type=click.Path(dir_okay=False),
                        help="Hide the findings recorded in this baseline (see 'numcheck baseline').")(func)
    func = click.option("--no-suppress", is_flag=True,
                        help="Ignore '<!-- numcheck: ignore NC101 -- reason -->' markers in articles.")(func)
    func = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                        help="dask: map extraction over a Dask cluster (claims pass through Parquet); "
                             "needs the 'dask' extra.")(func)
    func = click.option("--scheduler", metavar="ADDRESS",
                        help="With --engine dask: the scheduler to use; a local cluster when omitted.")(func)
    return func


def _warn(message: str) -> None:
    click.echo(f"numcheck: warning: {message}", err=True)


def _progress(stream):
    """A running count on a terminal; nothing when piped or in CI, where it would only be noise."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return stream
    return _count(stream)


def _count(stream):
    shown = 0
    for n, article in enumerate(stream, start=1):
        if n - shown >= 25:
            click.echo(f"\rnumcheck: {n} articles read", err=True, nl=False)
            shown = n
        yield article
    if shown:
        click.echo("\r\033[K", err=True, nl=False)


def _analyse(paths, published, rules_dirs, baseline=None, no_suppress=False, ledger=None, changed_only=False,
             jobs=1, allow_no_paths=False, engine="local", scheduler=None):
    from .pipeline import analyse  # imported late so --help stays instant

    if not paths and not (allow_no_paths and ledger):
        raise click.UsageError("give at least one PATH (a file, a folder, or - for standard input)")
    result = analyse(list(paths), published=published, rules_dirs=tuple(rules_dirs), warn=_warn,
                     baseline=baseline, use_markers=not no_suppress, ledger=ledger, changed_only=changed_only,
                     jobs=jobs, progress=_progress, engine=engine, scheduler=scheduler)
    if result.skipped_unchanged:
        _warn(f"{result.skipped_unchanged} article(s) unchanged since the ledger saw them: skipped")
    for marker in result.unused_markers:
        _warn(f"{marker.path}:{marker.line}: unused suppression of {', '.join(marker.rules)}")
    if result.hidden_by_baseline or result.hidden_by_marker:
        _warn(f"{result.hidden_by_baseline} finding(s) hidden by the baseline, "
              f"{result.hidden_by_marker} by inline markers")
    if result.stale_baseline:
        _warn(f"{result.stale_baseline} baseline entr{'y is' if result.stale_baseline == 1 else 'ies are'} "
              "no longer found; rewrite the baseline to drop them")
    return result


def write_output(text: str, output: str | None) -> None:
    """Print, or write FILE atomically: a crash never leaves a half-written report."""
    if not output or output == "-":
        click.echo(text, nl=False)
        return
    write_atomic(output, text)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="numcheck")
@click.option("--config", metavar="FILE", type=click.Path(dir_okay=False, exists=True),
              help="Settings file (default: numcheck.toml or [tool.numcheck] in pyproject.toml, "
                   "found from the current folder upward).")
@click.pass_context
def main(ctx, config):
    """Find the figures in news articles that do not agree.

    numcheck pulls every figure from the articles given (11,000 soldiers, $1.2bn,
    40%, "more than 3,000") with what it counts, who said it and when, and flags
    conflicts between sources, drift over time and parts larger than their whole.

    \b
    Example:
      numcheck report seeds/ --published 2024-11-01 -o reports/seed.md
    """
    from pathlib import Path

    from . import config as config_mod

    found = (Path(config), config_mod.load_file(Path(config))) if config else config_mod.find(Path.cwd())
    if found is not None:
        path, table = found
        if path.name == "pyproject.toml" and config:
            table = table.get("tool", {}).get("numcheck", {})
        ctx.default_map = config_mod.default_map(path, table)


@main.command()
@common
@click.option("-o", "--output", metavar="FILE", help="Write the report here instead of standard output.")
def report(paths, published, rules_dirs, ledger, changed_only, jobs, engine, scheduler, baseline, no_suppress,
           output):
    """Write a Markdown report: findings with their evidence, quantities by date, all figures.

    \b
    Example:
      numcheck report seeds/ --published 2024-11-01 -o reports/seed.md
    """
    from .render import markdown

    result = _analyse(paths, published, rules_dirs, baseline, no_suppress, ledger, changed_only, jobs,
                      engine=engine, scheduler=scheduler)
    command = "numcheck report " + " ".join(paths) + (f" --published {published}" if published else "")
    write_output(markdown.render(result.articles, result.claims, result.findings, command=command,
                                 context=list(result.ledger_claims)), output)


@main.command()
@common
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), default="warning", show_default=True,
              help="Exit 1 when a finding at or above this level is found.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif"]), default="text",
              show_default=True,
              help="text: one 'path:line: level rule message' line per finding; json: claims and findings; "
                   "github: workflow annotations on the article's line; sarif: SARIF 2.1.0 for code scanning.")
def check(paths, published, rules_dirs, ledger, changed_only, jobs, engine, scheduler, baseline, no_suppress,
          fail_on, fmt):
    """Check articles and exit 1 if any finding is at or above --fail-on (0 if none, 2 on bad input).

    \b
    Example:
      numcheck check articles/ --fail-on error
    """
    result = _analyse(paths, published, rules_dirs, baseline, no_suppress, ledger, changed_only, jobs,
                      engine=engine, scheduler=scheduler)
    findings = list(result.findings)
    focus = {a.path for a in result.articles}
    if fmt == "json":
        from .render import json as render_json
        click.echo(render_json.render(list(result.claims), findings), nl=False)
    elif fmt == "sarif":
        from . import rulebook
        from .render import sarif
        click.echo(sarif.render(findings, rulebook.load(tuple(rules_dirs))), nl=False)
    else:
        from .render import github, text
        renderer = github if fmt == "github" else text
        click.echo(renderer.render(findings, focus), nl=False)
        articles = len(result.articles) or len({c.article for c in result.claims})  # the Dask engine keeps no articles
        click.echo(text.summary(findings, articles, len(result.claims)), err=True)
    failing = [f for f in result.findings if level_rank(f.level) >= level_rank(fail_on)]
    return ExitCode.FINDINGS if failing else ExitCode.OK


@main.command()
@common
@click.option("--table", type=click.Choice(["claims", "findings"]), default="claims", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write the table here instead of standard output.")
def export(paths, published, rules_dirs, ledger, changed_only, jobs, engine, scheduler, baseline, no_suppress,
           table, fmt, output):
    """Export the claims or findings table as CSV or JSON Lines.

    \b
    Example:
      numcheck export seeds/ --published 2024-11-01 --table claims -o claims.csv
    """
    from .render import table as render_table

    if table == "claims" and paths and not ledger and engine == "local":
        # The claims table needs no rules: stream it, so an archive never sits in memory.
        from .pipeline import iter_claims

        claims = iter_claims(list(paths), published=published, rules_dirs=tuple(rules_dirs), warn=_warn,
                             jobs=jobs, progress=_progress)
        if output and output != "-":
            with atomic_file(output) as handle:
                render_table.write_claims(fmt, claims, handle)
        else:
            render_table.write_claims(fmt, claims, sys.stdout)
        return
    result = _analyse(paths, published, rules_dirs, baseline, no_suppress, ledger, changed_only, jobs,
                      allow_no_paths=True, engine=engine, scheduler=scheduler)
    write_output(render_table.render(table, fmt, result.claims, result.findings), output)


@main.command()
@common
@click.option("-o", "--output", metavar="FILE", required=True, help="Where to write the baseline (JSON).")
@click.option("--reason", default="", help="Why these findings are acknowledged; kept in the file.")
def baseline(paths, published, rules_dirs, ledger, changed_only, jobs, engine, scheduler, baseline, no_suppress,
             output, reason):
    """Record today's findings as known, so 'check --baseline FILE' only reports new ones.

    \b
    Example:
      numcheck baseline articles/ -o .numcheck-baseline.json --reason "checked by the desk"
      numcheck check articles/ --baseline .numcheck-baseline.json
    """
    from .suppress import baseline_document

    result = _analyse(paths, published, rules_dirs, None, no_suppress, ledger)
    write_output(baseline_document(list(result.findings), reason), output)
    click.echo(f"numcheck: {len(result.findings)} finding(s) written to {output}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--ledger", metavar="DB", envvar="NUMCHECK_LEDGER", required=True, type=click.Path(dir_okay=False),
              help="The ledger to add to (created on first use). Also read from NUMCHECK_LEDGER.")
@click.option("--published", callback=_parse_published, metavar="DATE",
              help="Publication date (YYYY-MM-DD) for articles that have none in front matter.")
@click.option("--rules", "rules_dirs", multiple=True, metavar="DIR", type=click.Path(file_okay=False))
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes for extraction; 0 uses every core.")
def ingest(paths, ledger, published, rules_dirs, jobs):
    """Add articles and their claims to the ledger; an unchanged article is skipped, an edited one replaced.

    \b
    Example:
      numcheck ingest articles/ --ledger claims.db
      numcheck check new-article.md --ledger claims.db
    """
    from .pipeline import ingest as ingest_articles

    counts = ingest_articles(list(paths), ledger, published=published, rules_dirs=tuple(rules_dirs), warn=_warn,
                             jobs=jobs)
    click.echo(", ".join(f"{n} {what}" for what, n in counts.items()) + f" ({ledger})")


@main.command(name="rules")
@click.option("--rules", "rules_dirs", multiple=True, metavar="DIR", type=click.Path(file_okay=False),
              help="Extra rules folder, as for the other commands.")
def list_rules(rules_dirs):
    """List the findings rules: id, level, kind, name and what each flags.

    \b
    Example:
      numcheck rules --rules newsroom-rules/
    """
    from . import rulebook

    for rule in rulebook.load(tuple(rules_dirs)):
        click.echo(f"{rule.id}  {rule.level:<7}  {rule.kind:<18}  {rule.name}: {' '.join(rule.description.split())}")


@main.command()
@click.argument("rule_id", metavar="ID")
@click.option("--rules", "rules_dirs", multiple=True, metavar="DIR", type=click.Path(file_okay=False))
def explain(rule_id, rules_dirs):
    """Explain one rule: what it flags, why, how it is tuned, and its examples.

    \b
    Example:
      numcheck explain NC101
    """
    from . import rulebook

    rules = {r.id: r for r in rulebook.load(tuple(rules_dirs))}
    rule = rules.get(rule_id.upper())
    if rule is None:
        raise click.UsageError(f"no rule {rule_id!r}; the rules are: {', '.join(rules)}")
    lines = [f"{rule.id} {rule.name} ({rule.kind}, {rule.level})", "", rule.description]
    if rule.rationale:
        lines += ["", " ".join(rule.rationale.split())]
    lines += ["", f"Compares: same {', '.join(rule.same) or '-'}; different {', '.join(rule.different) or '-'}; "
                  f"modalities {', '.join(rule.modalities)}; within {rule.window_days:g} days"
                  + (f" ({rule.window_days_dated:g} when both days are in the text)"
                     if rule.window_days_dated != rule.window_days else "")]
    lines += [f"  fires on: {text}" for text in rule.examples_fail]
    lines += [f"  quiet on: {text}" for text in rule.examples_pass]
    lines.append(f"Defined in {rule.path}")
    click.echo("\n".join(lines))


@main.command()
@click.option("--corpus", default="tests/corpus", show_default=True, type=click.Path(file_okay=False),
              help="Labelled articles: articles/*.md with gold/*.yaml beside them.")
@click.option("--findings", "findings_dir", default="tests/findings", show_default=True,
              type=click.Path(file_okay=False), help="Findings cases: one YAML file per case.")
@click.option("--rules", "rules_dirs", multiple=True, metavar="DIR", type=click.Path(file_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="List every miss.")
def evaluate(corpus, findings_dir, rules_dirs, verbose):
    """Print precision, recall and F1 for figures, and accuracy for counted nouns,
    attribution and dates, and precision and recall for findings, on a labelled corpus.

    \b
    Example:
      numcheck evaluate --corpus tests/corpus --findings tests/findings -v
    """
    from pathlib import Path

    from .evaluate import report as evaluation

    click.echo(evaluation(Path(corpus), Path(findings_dir), tuple(rules_dirs), verbose), nl=False)
