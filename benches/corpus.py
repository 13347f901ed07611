#!/usr/bin/env python3
"""Generate benchmark corpora (deterministic; nothing is downloaded).

usage: corpus.py yaml-pack DIR [FILES] [--quoted-dates]
                                             a pack of FILES small evidence files (~6 MB for 5,000);
                                             --quoted-dates writes dates as "2008-10-06" (the same
                                             text to accredit; YAML 1.1 readers such as ajv-cli's
                                             js-yaml would otherwise turn them into timestamps)
       corpus.py incidents-pack DIR [ROWS]   the complete fixture pack with a ROWS-row incident log (~150 MB for 1,000,000)
"""
import os
import sys


def yaml_pack(out, files=5000, quoted_dates=False):
    q = '"' if quoted_dates else ""
    os.makedirs(os.path.join(out, "tests"), exist_ok=True)
    with open(os.path.join(out, "pack.yaml"), "w") as f:
        f.write("""apiVersion: accredit/v1
kind: Pack
organisation: {name: Benchmark Hospitals NHS Trust, ods_code: RZZ}
service_desk: {name: Benchmark IT Service Desk}
lsp: {name: BT Health}
applications_in_scope: [care-records-service, choose-and-book]
assessment: {start: """ + q + "2008-10-06" + q + """}
""")
    for i in range(files - 1):
        day = 1 + i % 28
        month = 1 + (i // 28) % 9
        with open(os.path.join(out, "tests", f"escalation-{i:05d}.yaml"), "w") as f:
            f.write(f"""apiVersion: accredit/v1
kind: EscalationTest
date: {q}2008-{month:02d}-{day:02d}{q}
title: Severity {1 + i % 5} escalation rehearsal number {i} for the out-of-hours team
result: pass
severity: {1 + i % 5}
out_of_hours: {"true" if i % 2 else "false"}
participants:
  - organisation: Benchmark Hospitals NHS Trust
    party: local
    role: Duty shift leader
  - organisation: BT Health
    party: lsp
    role: Service delivery manager
  - organisation: National Service Desk
    party: national
    role: Incident coordinator
steps:
  - at: "02:{i % 60:02d}"
    action: Analyst logs a simulated loss of the Choose and Book service reported by a ward clerk
    outcome: Incident logged with severity, application and caller details within four minutes
  - at: "02:{(i + 7) % 60:02d}"
    action: Shift leader refers the incident to BT Health by telephone and by the referral interface
    outcome: BT Health acknowledged the referral and returned its own reference number
  - at: "02:{(i + 21) % 60:02d}"
    action: BT Health escalates to the national service desk and confirms the workaround
    outcome: Workaround communicated to the ward and the incident held open until restoration
actions:
  - description: Add the BT Health out-of-hours number to the shift leader's quick-reference card
    owner: Service Desk Manager
    due: {q}2008-09-30{q}
    closed: true
""")


def incidents_pack(out, rows=1_000_000):
    import datetime
    import shutil
    here = os.path.dirname(os.path.abspath(__file__))
    shutil.copytree(os.path.join(here, "..", "fixtures", "packs", "complete"), out)
    start = datetime.datetime(2008, 7, 1)
    channels = ["phone", "phone", "phone", "email", "fax", "web"]
    apps = ["", "", "care-records-service", "choose-and-book", "electronic-prescription-service", "pacs"]
    respond = [15, 30, 60, 240, 480]
    groups = ["Service Desk First Line (Day Shift)", "Clinical Systems Second Line Support",
              "Infrastructure and Networks Resolver Group", "Service Desk First Line (Night Shift)"]
    with open(os.path.join(out, "logs", "incidents.csv"), "w") as f:
        f.write("reference,opened_at,channel,severity,application,status,responded_at,resolved_at,referred_to,external_reference,assigned_group\n")
        for i in range(rows):
            opened = start + datetime.timedelta(minutes=(i * 7919) % (92 * 1440))
            severity = 1 + (i * 31) % 5
            responded = opened + datetime.timedelta(minutes=(i % respond[severity - 1]) + 1)
            resolved = responded + datetime.timedelta(minutes=30 + i % 2880)
            referred = "lsp" if i % 5 == 0 else ("national" if i % 17 == 0 else "none")
            external = f"BTH-{i:08d}" if referred != "none" else ""
            f.write(
                f"INC{i:09d},{opened:%Y-%m-%d %H:%M},{channels[i % 6]},{severity},{apps[i % 6]},closed,"
                f"{responded:%Y-%m-%d %H:%M},{resolved:%Y-%m-%d %H:%M},{referred},{external},"
                f"{groups[i % 4]}\n"
            )


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("yaml-pack", "incidents-pack"):
        sys.exit(__doc__)
    if sys.argv[1] == "yaml-pack":
        args = [a for a in sys.argv[3:] if a != "--quoted-dates"]
        yaml_pack(sys.argv[2], int(args[0]) if args else 5000, "--quoted-dates" in sys.argv[3:])
    else:
        incidents_pack(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000)
