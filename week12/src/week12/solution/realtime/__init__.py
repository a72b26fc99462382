"""Week 12: live updates over WebSockets.

A change to a task (or a finished report) becomes an ``Event``; after the commit it is published
on Redis, on its owner's channel (``publisher.py``). Every app process subscribes to all owners'
channels (``notifier.py``) and hands each event to the sockets of that owner it holds
(``manager.py``). So it does not matter which process made the change and which one holds the
socket: the client hears it either way. ``router.py`` is the endpoint, ``/api/v1/ws``.
"""
