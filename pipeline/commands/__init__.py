"""One module per `kpu` command: each parses its arguments, calls the stage packages and prints;
no rule lives here (their shared `--json` output is pipeline/json_report.py, beside the CLI).
"""
