"""SOP step 7, the pull request judged: the rules come from main as it stood before the
merge (`rules`), approvals are matched to SOP roles and stale ones are refused (`approvals`,
`pull_review`), the reviewer's comment shows what will be published (`comment`,
`comment_sections`), the SOP events are read back from GitHub (`sop_events`), and every
publication's approval record is verified before anything goes public (`verify`).
"""
