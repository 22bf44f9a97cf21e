import { fireEvent, render } from '@testing-library/react'
import { useEffect } from 'react'
import { describe, expect, it } from 'vitest'
import {
  RemoteVideo,
  usePeerSessionContext,
  useSessionSelector,
  VideoCall,
  VideoCallLayout,
  type PeerSessionState,
} from '../../src'
import { calls, connectByPaste, expectPlayingVideo, waitForLine, type CallUi } from './helpers'

const selectRemoteStream = (s: PeerSessionState) => s.remoteStream
const counts = { snapshots: 0, remoteVideoRenders: 0 }

function SnapshotCounter() {
  const session = usePeerSessionContext()
  useEffect(() => session?.subscribe(() => counts.snapshots++), [session])
  return null
}

function CountedRemoteVideo() {
  const stream = useSessionSelector(selectRemoteStream)
  // Counting renders is the point of this component.
  // eslint-disable-next-line react-hooks/immutability
  counts.remoteVideoRenders++
  return <RemoteVideo stream={stream} aria-label="Counted remote video" />
}

describe('given a full call', () => {
  it('re-renders a video only when its stream changes, not on every state change', async () => {
    render(
      <>
        <VideoCall iceServers={[]}>
          <SnapshotCounter />
          <CountedRemoteVideo />
          <VideoCallLayout />
        </VideoCall>
        <VideoCall iceServers={[]} />
      </>,
    )
    const [a, b] = calls() as [CallUi, CallUi]
    await connectByPaste(a, b)
    await expectPlayingVideo(a.remoteVideo())
    const duringCall = { ...counts }
    fireEvent.click(a.button('Hang up'))
    await waitForLine(a, 'phase: closed')

    // Many snapshots went by (the four layers moving through their states)…
    expect(duringCall.snapshots).toBeGreaterThanOrEqual(10)
    // …but the video rendered only on mount, when the session mounted, and when the stream came.
    expect(duringCall.remoteVideoRenders).toBeLessThanOrEqual(3)
    // Hang-up clears the stream: one more render.
    expect(counts.remoteVideoRenders).toBe(duringCall.remoteVideoRenders + 1)
    console.log(
      `[renders] snapshots during setup: ${duringCall.snapshots}, remote video renders: ${duringCall.remoteVideoRenders}`,
    )
  })
})
