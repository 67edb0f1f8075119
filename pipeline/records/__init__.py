"""The SOP records ("Pencatatan dan Pendataan"): the link ledger of every page URL and
social post (`ledger`, merged without loss by `ledger_merge`), its copy on origin that outlives the
runner (`journal`, written through `durable`), the commit of the record files (`record`), the
checks of every recorded link (`linkcheck`), the Mutu Baku Waktu report (`report`,
`report_output`) and the Dokumentasi Offline zip (`bundle`).
"""
