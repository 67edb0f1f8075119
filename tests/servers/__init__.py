"""Local HTTP servers that speak each network's wire protocol, so the real client libraries run."""
