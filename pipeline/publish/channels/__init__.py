"""The networks publications are cross-posted to: one module per network, each speaking that
network's API through its own client library; `registry` lists them by name."""
