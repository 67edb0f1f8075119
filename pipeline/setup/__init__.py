"""An office's repository made and kept ready: `kpu init` for a new office (`init`), the files
generated from kpu.yml's roles (`codeowners`, `identity_files`), words another office left behind
(`leftovers`), and `kpu doctor`: configuration, credentials asked of each API (`tokens`) and the
default branch's protection (`protection`).
"""
