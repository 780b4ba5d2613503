"""An aiosmtpd handler for the mail crash test: stores mail in a Maildir like aiosmtpd's Mailbox,
but once `hold_after` messages are stored it holds every further one, unanswered after DATA,
until the file `gate` exists. A test can so kill its server while deliveries are certainly in
flight, however slowly its own threads are scheduled.

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c held_mailbox.HeldMailbox MAILDIR HOLD_AFTER GATE
(with this folder on PYTHONPATH)
"""
import asyncio
import os

from aiosmtpd.handlers import Mailbox


class HeldMailbox(Mailbox):
    def __init__(self, mail_dir, hold_after, gate):
        super().__init__(mail_dir)
        self.hold_after = hold_after
        self.gate = gate
        self.taken = 0

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 3:
            parser.error("HeldMailbox takes MAILDIR HOLD_AFTER GATE")
        return cls(args[0], int(args[1]), args[2])

    async def handle_DATA(self, server, session, envelope):
        self.taken += 1
        if self.taken > self.hold_after:
            while not os.path.exists(self.gate):
                await asyncio.sleep(0.02)
        return await super().handle_DATA(server, session, envelope)
