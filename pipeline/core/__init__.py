"""The pieces every stage stands on, and that depend on no stage: files read safely (size,
encoding, no symlinks, YAML without aliases) and their problems told in Indonesian on the line to
fix; kpu.yml as a validated schema (`config`), the office identity, the publication model; time
zones; the one exception tree; what the CLI prints, scrubbed of every credential (`redact`,
`output`, `credentials`); the HTML sanitiser and escapes for hostile text (`safety`, `inert`); and
the two outside systems every stage talks to, GitHub's REST API and git (`github`, `gitrepo`).
"""
