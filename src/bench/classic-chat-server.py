#!/usr/bin/env python3
# The textbook UDP chat server, for `npm run bench:chat` to compare procview's
# room with (a bench fixture, not part of the product). One thread, one loop:
# recvfrom a datagram, then one blocking sendto per member. Same wire protocol
# as procview's room (L name, C name text, Q name; OK, EXIT, `NAME says: TEXT`),
# none of its checks (flood control, name rules, per-address limits).
#
# Only deviation from the textbook: the socket buffers are sized as procview's
# server sizes its own (4 MiB, src/chat/udp.ts SERVER_BUFFER_BYTES), so the
# comparison measures the servers, not the kernel's default 208 KiB queue.
#
#   python3 classic-chat-server.py [--host H] [--port P]    (P 0: any free port)
# First line on stdout: `listening on HOST:PORT`. SIGTERM or SIGINT ends it.
import argparse
import signal
import socket
import sys

BUFFER_BYTES = 4 * 1024 * 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=9999)
    args = parser.parse_args()

    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, BUFFER_BYTES)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, BUFFER_BYTES)
    sock.bind((args.host, args.port))
    host, port = sock.getsockname()
    print(f'listening on {host}:{port}', flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

    names = {}    # address -> name
    members = []  # addresses, in order of login

    def broadcast(line, skip):
        data = line.encode()
        for member in members:
            if member != skip:
                sock.sendto(data, member)

    while True:
        data, address = sock.recvfrom(2048)
        text = data.decode('utf-8', 'replace').rstrip('\0').rstrip('\n')
        verb, _, rest = text.partition(' ')
        if verb == 'L':
            if address not in names:
                names[address] = rest
                members.append(address)
                broadcast(f'{rest} joined the room', address)
            sock.sendto(b'OK', address)
        elif verb == 'C':
            name, _, message = rest.partition(' ')
            if names.get(address) == name:
                broadcast(f'{name} says: {message}', address)
        elif verb == 'Q':
            name = names.pop(address, None)
            if name is not None:
                members.remove(address)
                sock.sendto(b'EXIT', address)
                broadcast(f'{name} left the room', None)


if __name__ == '__main__':
    try:
        main()
    except KeyboardInterrupt:
        pass
