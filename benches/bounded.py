#!/usr/bin/env python3
"""Generate packs with one very large input each (deterministic; nothing is downloaded).

Each pack is the complete fixture pack plus, or with one file replaced by, a
large generated input, so `accredit validate` and `score` exercise every
analysis on it.

usage: bounded.py KIND DIR [N]
  headings     a Procedure with N headings (default 100,000; repeated names, so anchors are
               de-duplicated), each followed by a link to a heading's anchor
  links        a Procedure with N links (default 100,000; to anchors, pack files, missing files and the web)
  attachments  N attachment files (default 100,000) in attachments/
  yaml-map     a Pack document with a N-key mapping (default 1,000,000) under an unknown field
  yaml-list    a Pack whose applications_in_scope list has N items (default 2,000,000)
  csv-columns  an incident log whose header row has N columns (default 10,000,000)
  big-logs     an incident log of N rows (default 10,000,000; sequential references, a repeat
               every 1,000 rows) and a training log of N/10 rows (issue 17: score under 64 MB)
  shifts-rows  the rota as a shifts CSV of N rows (default 1,000,000): 300 staff on earlies,
               lates and nights five days in seven and two on-call managers, in time order, for
               as many years as N needs, ending near the rota's end (2009-01-31); every other shift
               split by a break, and about one unsplit shift in 500 written twice (an overlap)
"""
import datetime
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COMPLETE = os.path.join(HERE, "..", "fixtures", "packs", "complete")

FRONT = """---
apiVersion: accredit/v1
kind: Procedure
process: problem
title: Problem Management Procedure
version: "1.0"
owner: IT Service Desk Manager
approved_by: Director of IM&T
approved_on: 2008-06-30
review_due: 2009-06-30
---

# Problem Management Procedure

"""


def pack(out):
    shutil.copytree(COMPLETE, out)


def headings(out, n):
    pack(out)
    names = ["Scope", "Scope-1", "Purpose", "Roles & responsibilities", "Review", "Scope 2"]
    with open(os.path.join(out, "procedures", "problem.md"), "w") as f:
        f.write(FRONT)
        for i in range(n):
            f.write(f"## {names[i % len(names)]}\n\nSee [the scope](#scope-{i // len(names)}).\n\n")


def links(out, n):
    pack(out)
    targets = ["#scope", "#missing", "incident.md#purpose", "incident.md#nowhere",
               "missing.md", "https://example.org/x", "../samples/monthly-incident-report.pdf"]
    with open(os.path.join(out, "procedures", "problem.md"), "w") as f:
        f.write(FRONT + "## Scope\n\n")
        for i in range(n):
            f.write(f"See [item {i}]({targets[i % len(targets)]}).\n")


def attachments(out, n):
    pack(out)
    base = os.path.join(out, "attachments")
    for i in range(n):
        d = os.path.join(base, f"{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(d)
        with open(os.path.join(d, f"scan-{i:06d}.pdf"), "w") as f:
            f.write(f"%PDF-1.4 scan {i}\n")


def yaml_map(out, n):
    # A flow mapping keeps 1,000,000 keys (about 12 MB) under the 16 MiB limit.
    pack(out)
    with open(os.path.join(out, "pack.yaml"), "a") as f:
        f.write("notes: {")
        f.write(", ".join(f"k{i}: {i % 10}" for i in range(n)))
        f.write("}\n")


def yaml_list(out, n):
    # A flow list keeps 2,000,000 items (about 12 MB) under the 16 MiB limit.
    pack(out)
    path = os.path.join(out, "pack.yaml")
    with open(path) as f:
        text = f.read()
    start = text.index("applications_in_scope:")
    end = text.index("\n", text.index("\n", start) + 1)
    while text[end + 1:].startswith("  -"):
        end = text.index("\n", end + 1)
    items = ", ".join(["pacs"] * n)
    with open(path, "w") as f:
        f.write(text[:start] + f"applications_in_scope: [{items}]" + text[end:])


def csv_columns(out, n):
    pack(out)
    path = os.path.join(out, "logs", "incidents.csv")
    with open(path) as f:
        lines = f.read().splitlines()
    header, rows = lines[0], lines[1:1001]
    with open(path, "w") as f:
        f.write(header)
        chunk = "".join(f",extra{i}" for i in range(10000))
        for _ in range(n // 10000):
            f.write(chunk)
        f.write("\n")
        for row in rows:
            f.write(row + "\n")


def big_logs(out, n):
    pack(out)
    header = ("reference,opened_at,channel,severity,application,status,responded_at,"
              "resolved_at,referred_to,external_reference\n")
    with open(os.path.join(out, "logs", "incidents.csv"), "w") as f:
        f.write(header)
        for start in range(0, n, 100_000):
            rows = []
            for i in range(start, min(n, start + 100_000)):
                day, minute = 1 + i % 30, (i * 7) % 1440
                opened = f"2008-09-{day:02d} {minute // 60:02d}:{minute % 60:02d}"
                reference = i - 1 if i % 1000 == 999 else i
                referred = "lsp" if i % 5 == 0 else "none"
                external = f"BTH-{i:08d}" if i % 5 == 0 else ""
                rows.append(f"INC{reference:09d},{opened},phone,{1 + i % 5},pacs,closed,"
                            f"{opened},,{referred},{external}\n")
            f.write("".join(rows))
    training = os.path.join(out, "logs", "training.csv")
    with open(training) as f:
        lines = f.read().splitlines()
    with open(training, "w") as f:
        f.write(lines[0] + "\n")
        body = lines[1:]
        for start in range(0, n // 10, 100_000):
            f.write("".join(body[i % len(body)] + "\n"
                            for i in range(start, min(n // 10, start + 100_000))))


ROTA = """apiVersion: accredit/v1
kind: Rota
timezone: Europe/London
period:
  from: {first}
  to: {last}
shifts: shifts.csv
bank_holidays:
  as: normal
"""


def shifts_rows(out, n):
    pack(out)
    staff, managers = 300, 2
    per_day = 320  # rows a day, a little under the mean, so that N rows are reached
    last = datetime.date(2009, 1, 31)
    days = n // per_day + 1
    first = last - datetime.timedelta(days=days - 1)
    with open(os.path.join(out, "rota.yaml"), "w") as f:
        f.write(ROTA.format(first=first, last=last))
    shifts = [((7, 0), (15, 30)), ((15, 0), (23, 30)), ((23, 0), (7, 30))]
    written = 0
    with open(os.path.join(out, "shifts.csv"), "w") as f:
        f.write("staff_id,start,end,role,on_call\n")
        for d in range(days):
            if written >= n:
                break
            day = first + datetime.timedelta(days=d)
            nxt = day + datetime.timedelta(days=1)
            rows = []
            # Each day's rows in time order: earlies, then lates, then nights.
            for which, ((sh, sm), (eh, em)) in enumerate(shifts):
                end_day = nxt if which == 2 else day
                for person in range(staff):
                    if (person + d) % 7 >= 5 or (person // 7 + 2 * (d // 7)) % 3 != which:
                        continue
                    start, end = f"{day} {sh:02d}:{sm:02d}", f"{end_day} {eh:02d}:{em:02d}"
                    if (person + d) % 2 == 0:
                        # A break of half an hour four hours in.
                        bh = (sh + 4) % 24
                        bday = nxt if sh + 4 >= 24 else day
                        rows.append(f"S{person:03d},{start},{bday} {bh:02d}:00,first-line,false\n")
                        rows.append(f"S{person:03d},{bday} {bh:02d}:30,{end},first-line,false\n")
                    else:
                        rows.append(f"S{person:03d},{start},{end},first-line,false\n")
                        if (person * 31 + d) % 499 == 0:
                            # The shift written twice: an overlap, counted once.
                            rows.append(f"S{person:03d},{start},{end},first-line,false\n")
            manager = f"M{(d // 7) % managers}"
            if day.weekday() >= 5:
                rows.append(f"{manager},{day} 08:00,{day} 18:00,on-call manager,true\n")
            rows.append(f"{manager},{day} 18:00,{nxt} 08:00,on-call manager,true\n")
            rows = rows[: n - written]
            written += len(rows)
            f.write("".join(rows))


KINDS = {
    "headings": (headings, 100_000),
    "links": (links, 100_000),
    "attachments": (attachments, 100_000),
    "yaml-map": (yaml_map, 1_000_000),
    "yaml-list": (yaml_list, 2_000_000),
    "csv-columns": (csv_columns, 10_000_000),
    "big-logs": (big_logs, 10_000_000),
    "shifts-rows": (shifts_rows, 1_000_000),
}

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in KINDS:
        sys.exit(__doc__)
    make, default = KINDS[sys.argv[1]]
    make(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else default)
