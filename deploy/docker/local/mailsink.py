"""A mail sink for the Compose stack (compose.yaml's `mail`): an SMTP server that accepts every
message and prints it as one JSON line (from, to, subject, Message-ID, body) on its standard
output, which is the container's log: `docker compose ... logs mail`. Standard library only, so it
runs from the capstone's image; for a test stack, never for real mail (no TLS, no
authentication, nothing relayed). In production SMTP_HOST names a real relay (deploy/README.md).

    python mailsink.py --host 0.0.0.0 --port 1025
"""

import argparse
import asyncio
import email
import email.policy
import json
import signal

MAX_MESSAGE = 1_000_000  # bytes: a test stack's e-mails are small


def record(sender: str, recipients: list[str], data: bytes) -> str:
    """The JSON line that tells of one message."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",))
    return json.dumps(
        {
            "event": "mail received",
            "mail_from": sender,
            "rcpt_to": recipients,
            "subject": message["Subject"],
            "message_id": message["Message-ID"],
            "body": body.get_content() if body is not None else "",
        }
    )


async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """One SMTP conversation (RFC 5321's minimum: what smtplib and every client send)."""

    async def reply(line: str) -> None:
        writer.write(f"{line}\r\n".encode())
        await writer.drain()

    sender, recipients = "", list[str]()
    try:
        await reply("220 mailsink ready")
        while line := await reader.readline():
            command = line.decode("utf-8", "replace").rstrip("\r\n")
            verb, _, argument = command.partition(" ")
            verb = verb.upper()
            if verb in ("HELO", "EHLO"):
                await reply("250 mailsink")
            elif verb == "MAIL":  # MAIL FROM:<address>
                sender, recipients = argument.partition(":")[2].strip(), []
                await reply("250 OK")
            elif verb == "RCPT":  # RCPT TO:<address>
                recipients.append(argument.partition(":")[2].strip().strip("<>"))
                await reply("250 OK")
            elif verb == "DATA" and recipients:
                await reply("354 End data with <CR><LF>.<CR><LF>")
                lines: list[bytes] = []
                size = 0
                while (chunk := await reader.readline()) not in (b".\r\n", b".\n", b""):
                    size += len(chunk)
                    # A line starting with "." was sent with one more (dot-stuffing).
                    lines.append(chunk[1:] if chunk.startswith(b".") else chunk)
                if size > MAX_MESSAGE:
                    await reply("552 Message too large")
                else:
                    print(record(sender, recipients, b"".join(lines)), flush=True)
                    await reply("250 OK: received")
                sender, recipients = "", []
            elif verb in ("RSET", "NOOP"):
                sender, recipients = ("", []) if verb == "RSET" else (sender, recipients)
                await reply("250 OK")
            elif verb == "QUIT":
                await reply("221 Bye")
                break
            else:
                await reply("502 Command not implemented")
    except (ConnectionError, asyncio.IncompleteReadError):
        pass  # the client went away: nothing to tell it
    finally:
        writer.close()


async def main(host: str, port: int) -> None:
    server = await asyncio.start_server(session, host, port)
    print(json.dumps({"event": "mailsink listening", "host": host, "port": port}), flush=True)
    # PID 1 of its container: without handlers, SIGTERM would be ignored (docker stop would
    # wait, then kill) and SIGINT would end in a traceback.
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")  # a container: --host=0.0.0.0
    parser.add_argument("--port", type=int, default=1025)
    args = parser.parse_args()
    asyncio.run(main(args.host, args.port))
