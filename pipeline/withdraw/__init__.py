"""Withdrawing a publication: `retract` prepares the change as a pull request (or the
Ketua's urgent takedown), `authority` decides who may withdraw (a reviewed, merged pull request, or
the Ketua in a hurry), and `deletions` deletes each social post once, with the ledger saying so.
"""
