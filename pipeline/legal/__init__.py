"""Legal documents as JDIH records: the regulation registry (data/regulations.yml), the
citations staff write and their canonical keys, the relations between documents (amends, revokes),
their official texts, and the office's own legal products. The check, the site pages and the JDIHN
feed all read documents through this package.
"""
