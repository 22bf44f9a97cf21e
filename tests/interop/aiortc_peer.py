#!/usr/bin/env python3
"""An independent WebRTC peer for the interop tests: Debian's python3-aiortc, reading and writing
signals with aiortc's own copy-and-paste helpers (object_from_string / object_to_string), as a
person using aiortc's examples would.

  aiortc_peer.py answer   reads an offer line on stdin, prints its answer line
  aiortc_peer.py offer    prints an offer line (video only), reads the answer line on stdin

It sends a synthetic video (aiortc's VideoStreamTrack: green frames), prints `state <s>` lines
for its connection state, and exits when stdin closes or after 60 s.
"""
import asyncio
import sys

from aiortc import RTCConfiguration, RTCPeerConnection, VideoStreamTrack
from aiortc.contrib.media import MediaBlackhole
from aiortc.contrib.signaling import object_from_string, object_to_string


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def read_line(reader: asyncio.StreamReader) -> str:
    line = await reader.readline()
    if not line:
        raise SystemExit("stdin closed before a signal came")
    return line.decode()


async def main(role: str) -> None:
    loop = asyncio.get_event_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)

    # No ICE servers: aiortc's default is a public STUN server, and tests stay inside their namespace.
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    sink = MediaBlackhole()

    @pc.on("connectionstatechange")
    async def on_state() -> None:
        say(f"state {pc.connectionState}")

    @pc.on("track")
    def on_track(track) -> None:
        sink.addTrack(track)

    if role == "answer":
        offer = object_from_string(await read_line(reader))
        await pc.setRemoteDescription(offer)
        # addTrack takes the offered video transceiver, so the answer says sendrecv.
        pc.addTrack(VideoStreamTrack())
        await pc.setLocalDescription(await pc.createAnswer())
        say(object_to_string(pc.localDescription))
    else:
        pc.addTrack(VideoStreamTrack())
        await pc.setLocalDescription(await pc.createOffer())
        say(object_to_string(pc.localDescription))
        await pc.setRemoteDescription(object_from_string(await read_line(reader)))

    await sink.start()
    try:
        await asyncio.wait_for(reader.read(), timeout=60)
    except asyncio.TimeoutError:
        pass
    await sink.stop()
    await pc.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "answer"))
