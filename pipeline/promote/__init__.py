"""SOP steps 7-8, web half: approved, ready and due drafts move from drafts/ into
content/posts/ with their provenance, in one commit pushed safely (`promotion`), and the run is
summarised for the log and the job summary (`report`).
"""
