"""SOP step 8, social half: each promoted publication posted once to each of its
channels. Post text is rendered and measured as each network measures it (`posts`, `x_urls`), the
page must answer first (`liveness`), quotas are respected (`quotas`), each delivery is bounded and
retried (`delivery`, `channel_run`), and `social` runs it all, recording every step in the ledger
before and after it so that a lost runner never posts twice. `channels/` holds one module per
network.
"""
