"""SOP steps 3-5 and 7, is a draft valid: every file read, its front matter checked against
the schema and the SOP rules (`validate`), the election stage it belongs to (`stages`), the traps
YAML and Word set (`traps`) and the characters that never belong in a draft (`characters`). It
reports every problem at once and changes nothing.
"""
