import { describe, expect, it } from 'vitest'
import { createCallRunner } from '../../src/core/session/callRunner'
import { createP2PError } from '../../src/core/errors'
import { StepError } from '../../src/core/session/stepError'
import { FakePeerConnection, runnerHost, useFakePeerConnections } from './fakes'

// The call's life cycle with a fake connection: one AbortSignal per attempt, and what each end of
// an attempt leaves on screen. (Real connections: the browser tests.)

function setup() {
  const resets: string[] = []
  const { host, state } = runnerHost((cause) => resets.push(cause))
  return { runner: createCallRunner(host), state, resets }
}

/** A camera prompt the test answers. */
function prompt() {
  let resolve: (stream: null) => void = () => {}
  const media = () => new Promise<null>((r) => (resolve = r))
  return { media, allow: () => resolve(null) }
}

describe('createCallRunner', () => {
  useFakePeerConnections()

  it('aborts an attempt when a newer one begins: the older one opens nothing', async () => {
    const { runner, state } = setup()
    const first = prompt()
    const seen: boolean[] = []
    const one = runner.begin('caller', async (signal) => {
      await runner.media(first.media)
      seen.push(signal.aborted)
      if (!signal.aborted) runner.open(false)
    })
    expect(state().step).toBe('acquiring-media')
    // The first attempt failed to start a call (its camera still prompts): a hang-up, then anew.
    runner.end('local')
    const two = runner.begin('callee', async () => {
      runner.open(false)
    })
    first.allow()
    await Promise.all([one, two])
    expect(seen).toEqual([true])
    expect(FakePeerConnection.made.filter((pc) => !pc.closed)).toHaveLength(1)
    expect(state().role).toBe('callee')
  })

  it('ends at once while the camera starts: hung up, no call, the attempt aborted', async () => {
    const { runner, state, resets } = setup()
    const camera = prompt()
    let signal: AbortSignal | undefined
    const started = runner.begin('caller', async (s) => {
      signal = s
      await runner.media(camera.media)
    })
    runner.end('local')
    camera.allow()
    await started
    expect(signal?.aborted).toBe(true)
    expect(runner.current()).toBeNull()
    expect(state().step).toBe('hung-up')
    expect(state().endedBy).toBe('local')
    expect(resets).toEqual(['caller', 'ended'])
  })

  it('shows a failed step as the error, closes its connection, and can start again', async () => {
    const { runner, state, resets } = setup()
    await runner.begin('caller', async () => {
      runner.open(false)
      throw new StepError(createP2PError('ERR_CREATE_OFFER'))
    })
    expect(state().error?.code).toBe('ERR_CREATE_OFFER')
    expect(state().step).toBe('idle')
    expect(runner.current()).toBeNull()
    expect(FakePeerConnection.made.every((pc) => pc.closed)).toBe(true)
    expect(resets).toEqual(['caller', 'failed'])
    await runner.begin('caller', async () => {
      runner.open(false)
    })
    expect(runner.current()).not.toBeNull()
    expect(state().error).toBeNull()
  })

  it('refuses a second call while one runs (ERR_ALREADY_IN_CALL)', async () => {
    const { runner, state } = setup()
    const camera = prompt()
    const started = runner.begin('caller', () => runner.media(camera.media).then(() => {}))
    await runner.begin('callee', async () => {})
    expect(state().error?.code).toBe('ERR_ALREADY_IN_CALL')
    camera.allow()
    await started
  })

  it('keeps candidates that come before their call, and hands them over once it opens', async () => {
    const { runner } = setup()
    const candidate = { candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMid: '0' }
    await runner.addCandidates([candidate])
    await runner.begin('callee', async () => {
      const call = runner.open(true)
      // Before the remote description, the call's negotiation keeps them in turn.
      expect(call.pc.remoteDescription).toBeNull()
    })
    const pc = FakePeerConnection.made[0] as FakePeerConnection
    expect(pc.added).toEqual([])
    await runner.current()?.negotiation.accept({ type: 'offer', sdp: 'v=0\r\n' })
    expect(pc.added).toEqual([candidate])
  })

  it('never adds a candidate of another call (another ICE username) to this one', async () => {
    const { runner, state } = setup()
    // The other side's last candidates arrive after the hang-up (or a third party's, in between).
    runner.end('local')
    const stale = { candidate: 'candidate:1 1 udp 1 10.0.0.9 9 typ host', sdpMid: '0' }
    await runner.addCandidates([{ ...stale, usernameFragment: 'gone' }])
    const fresh = { ...stale, usernameFragment: 'ab12' }
    await runner.begin('caller', async () => {
      runner.open(true)
    })
    await runner.addCandidates([fresh])
    await runner.current()?.negotiation.accept({
      type: 'answer',
      sdp: 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=ice-ufrag:ab12\r\n',
    })
    expect((FakePeerConnection.made[0] as FakePeerConnection).added).toEqual([fresh])
    // Refused by the browser, and not shown as an error: it was never this call's.
    expect(state().error).toBeNull()
  })

  it('a retry aborts the attempt before it on the same call', async () => {
    const { runner } = setup()
    let first: AbortSignal | undefined
    await runner.begin('caller', async (s) => {
      first = s
      runner.open(false)
    })
    const call = runner.current()
    const second = runner.retry()
    expect(first?.aborted).toBe(true)
    expect(second.aborted).toBe(false)
    expect(runner.current()).toBe(call)
    expect(runner.attempt()).toBe(second)
  })
})
