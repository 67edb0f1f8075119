"""SOP steps 1-2, drafts coming in: the Nota Dinas issue form turned into a draft and a pull
request (`issue_form`, `issue_pr`), a Word document turned into a draft (`docx`), the name a draft's
file gets (`slug`), and the web editor's configuration (`cms`, Decap CMS at /admin/), so that staff
who do not know git can still open a pull request.
"""
