"""The Mutu Baku Waktu report as files: an internal site page (Markdown), a chart (SVG) and the
data (CSV), by default in content/laporan/. Over-standard times are bold and say so in words."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from pipeline.core.timeutil import format_day, format_wib
from pipeline.messages import records as msg
from pipeline.records.report import Event, Measure, PublicationReport, totals

REPORT_DIR = "content/laporan"
PAGE_FILE = "index.md"
CHART_FILE = "waktu-sop.svg"
CSV_FILE = "waktu-sop.csv"
CSV_HEADER = [
    "slug", "judul", "langkah", "kegiatan", "kanal", "standar_menit", "mulai", "selesai",
    "durasi_menit", "status",
]  # fmt: skip


def format_duration(value: dt.timedelta) -> str:
    minutes = round(value.total_seconds() / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "hari"), (hours, "jam"), (minutes, "menit")]
    return " ".join(f"{n} {unit}" for n, unit in parts if n) or msg.REPORT_UNDER_A_MINUTE


def duration_text(m: Measure) -> str:
    if m.duration is None:
        return msg.REPORT_NOT_MEASURED
    text = format_duration(m.duration)
    if m.at_least:
        text = msg.REPORT_SAME_DAY if not m.duration else msg.REPORT_AT_LEAST.format(duration=text)
    return msg.REPORT_OVER.format(duration=text) if m.over else text


def _label(name: str | None) -> str:
    return msg.EVENT_LABELS.get(name or "", name or "-")


def source_text(m: Measure) -> str:
    """Where the times come from (which event, recorded where); for a step not measured, why."""
    if m.duration is not None and m.start is not None and m.end is not None:
        return msg.REPORT_FROM_TO.format(
            start=_label(m.start_name),
            start_source=m.start.source,
            end=_label(m.end_name),
            end_source=m.end.source,
        )
    if m.backwards and m.start is not None and m.end is not None:
        return msg.REPORT_BACKWARDS.format(
            start=_label(m.start_name),
            start_at=_when(m.start),
            end=_label(m.end_name),
            end_at=_when(m.end),
        )
    events = ", ".join(_label(e) for e in m.missing) or "-"
    if m.note:
        return msg.REPORT_MISSING_NOTE.format(events=events, note=m.note.rstrip("."))
    return msg.REPORT_MISSING.format(events=events)


def _when(event: Event | None) -> str:
    if event is None:
        return "-"
    return format_day(event.time) if event.day_only else format_wib(event.time)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _row(cells: list[str]) -> str:
    return f"| {' | '.join(cells)} |"


def _measures(report: PublicationReport) -> list[Measure]:
    return [*report.steps, *([report.overall] if report.overall else [])]


def markdown(reports: list[PublicationReport], generated: dt.datetime, with_github: bool) -> str:
    """A summary per step, the chart and the data link, then one table per publication."""
    source = msg.REPORT_WITH_GITHUB if with_github else msg.REPORT_WITHOUT_GITHUB
    lines = [*msg.REPORT_FRONT, f"# {msg.REPORT_TITLE}", ""]
    lines += [msg.REPORT_INTRO.format(when=format_wib(generated), source=source), ""]
    if not reports:
        return "\n".join([*lines, msg.REPORT_EMPTY, ""])
    lines += [
        f"## {msg.REPORT_SUMMARY}",
        "",
        msg.REPORT_SUMMARY_HEADER,
        "|---:|---|---|---:|---|---:|",
    ]
    for i, step in enumerate(reports[0].steps):
        found = sorted(d for r in reports if (d := r.steps[i].duration) is not None)
        median = format_duration(found[len(found) // 2]) if found else "-"
        over = sum(r.steps[i].over for r in reports)
        standard = format_duration(step.standard)
        counted = f"{len(found)} dari {len(reports)}"
        lines.append(
            _row([str(step.number), _cell(step.name), standard, counted, median, str(over)])
        )
    flows = [r.overall for r in reports if r.overall is not None]
    if flows:
        found = sorted(d for m in flows if (d := m.duration) is not None)
        median = format_duration(found[len(found) // 2]) if found else "-"
        lines.append(
            _row(["", msg.REPORT_OVERALL_ROW, format_duration(flows[0].standard),
                  f"{len(found)} dari {len(reports)}", median, str(sum(m.over for m in flows))])
        )  # fmt: skip
    lines += ["", headline(reports), "", msg.REPORT_SUMMARY_WHY]
    lines += ["", f"![{msg.REPORT_CHART_ALT}]({CHART_FILE})", ""]
    lines += [f"[{msg.REPORT_CSV}]({CSV_FILE})", "", f"## {msg.REPORT_PER_PUBLICATION}", ""]
    for report in reports:
        lines += [
            f"### {report.title}",
            "",
            msg.REPORT_STEP_HEADER,
            "|---:|---|---|---|---|---|---|",
        ]
        for m in _measures(report):
            number = str(m.number) if m.number is not None else ""
            times = [_when(m.start), _when(m.end), duration_text(m)]
            lines.append(_row([number, _cell(m.name), format_duration(m.standard), *times,
                               _cell(source_text(m))]))  # fmt: skip
        lines.append("")
        if report.posts and report.post_start is not None:
            lines += [msg.REPORT_POSTS, ""]
            for channel, when in report.posts:
                elapsed = when - report.post_start.time
                after = format_duration(elapsed) if elapsed >= dt.timedelta() else "-"
                label = msg.CHANNEL_LABELS.get(channel, channel)
                lines.append(
                    msg.REPORT_POST.format(channel=label, when=format_wib(when), after=after)
                )
            lines.append("")
    return "\n".join(lines)


def headline(reports: list[PublicationReport]) -> str:
    """Steps over their own standard and flows over the overall standard, both stated."""
    t = totals(reports)
    standard = next((r.overall.standard for r in reports if r.overall is not None), None)
    return msg.REPORT_SUMMARY_LINE.format(
        count=t.publications,
        steps_over=t.steps_over,
        measured=t.measured,
        unmeasured=t.steps - t.measured,
        steps=t.steps,
        flows_over=t.flows_over,
        flows=t.flows,
        standard=format_duration(standard) if standard is not None else "-",
    )


def _minutes(value: dt.timedelta | None) -> str:
    return "" if value is None else str(round(value.total_seconds() / 60))


def _iso(event: Event | None) -> str:
    if event is None:
        return ""
    return event.time.date().isoformat() if event.day_only else event.time.isoformat()


def csv_rows(reports: list[PublicationReport]) -> list[list[str]]:
    """One row per publication and step ("semua" for the whole flow), then one per post."""
    rows = []
    for r in reports:
        for m in _measures(r):
            status = (
                msg.REPORT_NOT_MEASURED
                if m.duration is None
                else "melebihi"
                if m.over
                else "memenuhi"
            )
            rows.append([r.slug, r.title, str(m.number or "semua"), m.name, "",
                         _minutes(m.standard), _iso(m.start), _iso(m.end), _minutes(m.duration),
                         status])  # fmt: skip
        last, start = r.steps[-1], r.post_start
        for channel, when in r.posts:
            elapsed = when - start.time if start else None
            rows.append([r.slug, r.title, str(last.number), last.name, channel,
                         _minutes(last.standard), _iso(start), when.isoformat(), _minutes(elapsed),
                         ""])  # fmt: skip
    return rows


def write_csv(path: Path, reports: list[PublicationReport]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        writer.writerows(csv_rows(reports))


def write_chart(path: Path, reports: list[PublicationReport]) -> None:
    """One panel per measured step: each publication's hours, the standard as a dashed line,
    bars over the standard in red."""
    from matplotlib import rc_context  # heavy: only when a chart is drawn
    from matplotlib.figure import Figure

    steps = reports[0].steps if reports else ()
    panels = [i for i in range(len(steps)) if any(r.steps[i].duration for r in reports)]
    with rc_context({"svg.hashsalt": "kpu-report", "svg.fonttype": "none", "font.size": 9}):
        height = 1.5 + 0.35 * max(1, len(reports)) * max(1, len(panels))
        figure = Figure(figsize=(8, height))
        axes = figure.subplots(max(1, len(panels)), 1, squeeze=False)[:, 0]
        if not panels:
            axes[0].text(0.5, 0.5, msg.REPORT_CHART_EMPTY, ha="center", va="center")
            axes[0].set_axis_off()
        for ax, i in zip(axes, panels, strict=False):
            step = steps[i]
            hours = [
                (r.steps[i].duration or dt.timedelta()).total_seconds() / 3600 for r in reports
            ]
            colors = ["#c8102e" if r.steps[i].over else "#3c4247" for r in reports]
            ax.barh([r.title[:45] for r in reports], hours, color=colors)
            ax.axvline(step.standard.total_seconds() / 3600, color="#1f2326", linestyle="--")
            standard = format_duration(step.standard)
            ax.set_title(msg.REPORT_CHART_PANEL.format(number=step.number, name=step.name,
                                                       standard=standard))  # fmt: skip
            ax.set_xlabel(msg.REPORT_CHART_AXIS)
            ax.invert_yaxis()
        figure.tight_layout()
        figure.savefig(path, format="svg", metadata={"Date": None})


def write_report(
    out: Path, reports: list[PublicationReport], generated: dt.datetime, with_github: bool
) -> list[Path]:
    """The page, the chart and the CSV in `out`; returns what was written."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / PAGE_FILE, out / CHART_FILE, out / CSV_FILE]
    write_csv(written[2], reports)
    write_chart(written[1], reports)
    written[0].write_text(markdown(reports, generated, with_github), encoding="utf-8")
    return written
