"""A local SMTP server for the mail tests (Debian's python3-aiosmtpd).

Usage: /usr/bin/python3 smtp_catcher.py HOST FOLDER
Listens on a free port of HOST, prints "listening PORT", writes every accepted message to FOLDER
as an .eml file (written to a temporary name, then renamed, so a reader never sees half a mail),
refuses recipients whose address starts with "refuse-" with a permanent 550 (to test the dead
letter), and exits when its standard input closes (when the test process ends, even killed).
"""
import asyncio
import os
import sys
import time

from aiosmtpd.smtp import SMTP


class Catcher:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refuse-"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{len(os.listdir(self.folder))}.eml"
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "wb") as file:
            file.write(envelope.original_content or envelope.content)
        os.replace(temporary, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"


async def main(host, folder):
    os.makedirs(folder, exist_ok=True)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(Catcher(folder), hostname="catcher.test"), host, 0)
    print(f"listening {server.sockets[0].getsockname()[1]}", flush=True)
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
