"""Every Indonesian text shown to staff, one module per command or stage, kept together for
review; code and identifiers stay English.
"""
