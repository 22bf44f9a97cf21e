import { openCall, type Call, type CallHost } from './call.js'
import { rtcConfiguration } from '../connectionConfig.js'
import { createP2PError } from '../errors.js'
import { StepError, stepErrorOf } from './stepError.js'
import { canStartCall } from '../phase.js'
import type { CallRole, LocalStreamSource, PeerSessionOptions } from '../peerSessionTypes.js'
import { createPrewarm } from './prewarm.js'
import type { SignalCandidate } from '../signalCodec.js'

/** What the call runner needs from its session. */
export interface CallRunnerHost extends Omit<CallHost, 'pc' | 'inBand' | 'reconnectAfterMs'> {
  /** The session's options now (read when a call opens). */
  config(): PeerSessionOptions
  /** Whether the session is disposed: no call starts then. */
  disposed(): boolean
  /**
   * Each feature resets what belonged to the call before: a call starts as a `CallRole`, failed
   * to start (`'failed'`), or ended (`'ended'`: hang-up, goodbye, dispose).
   */
  onReset(cause: CallRole | 'failed' | 'ended'): void
}

/**
 * The call's life cycle, owned in one place: the current call, its attempts, its start and end.
 *
 * One staleness mechanism: an `AbortSignal` per attempt (a call starting, a restart, a pasted
 * restart offer). A newer attempt, a hang-up or `dispose` aborts it; a step that resumes after an
 * await checks its signal and does nothing once it is aborted. The call's own signal (`closed`)
 * aborts when its connection closes.
 */
export interface CallRunner {
  /** The current call, or `null`. */
  current(): Call | null
  /** The current attempt's signal. */
  attempt(): AbortSignal
  /** A newer attempt on the current call (a restart): the one before it stops. */
  retry(): AbortSignal
  /**
   * Starts a call as `role` and runs `steps` as its attempt. A {@link StepError} ends the attempt
   * with the connection closed and the error shown; the session is then ready for another try.
   * `replacing`: the call under way that this one takes over from (it closes first); otherwise a
   * call under way is an error (`ERR_ALREADY_IN_CALL`).
   */
  begin(
    role: CallRole,
    steps: (signal: AbortSignal) => Promise<void>,
    replacing?: Call,
  ): Promise<void>
  /** Opens the attempt's connection (the warmed-up one when it fits). Throws a StepError. */
  open(inBand: boolean): Call
  /** The camera (or whatever `source` gives) for the call; shown as `acquiring-media`. */
  media(source: LocalStreamSource | undefined): Promise<MediaStream | null>
  /** Hang-up (`local`, a goodbye may still go out) or the other side's goodbye (`remote`). */
  end(endedBy: 'local' | 'remote'): void
  /** Remote candidates: to the call, or kept for the call about to open. */
  addCandidates(list: readonly SignalCandidate[]): Promise<void>
  /** `prepare()`: the next call's connection, made now (see `PeerSession.prepare`). */
  prepare(): void
  /** The options changed: a warmed-up connection made for others goes. */
  optionsChanged(): void
  dispose(): void
}

/**
 * Creates the call runner of one session.
 *
 * @example
 * const runner = createCallRunner(host)
 * await runner.begin('caller', async (signal) => { const call = runner.open(false); … })
 */
export function createCallRunner(host: CallRunnerHost): CallRunner {
  const { update } = host
  const prewarm = createPrewarm(host.config)
  let call: Call | null = null
  let attempt = new AbortController()
  // Candidates that came before their call (over a channel, while the camera starts).
  let early: SignalCandidate[] = []

  const nextAttempt = () => {
    attempt.abort()
    attempt = new AbortController()
    return attempt.signal
  }

  function close(show: 'closed' | 'reset' = 'reset', graceful = false): void {
    // Forgotten first: whoever hears of the close (a listener that calls again) finds no call.
    const closing = call
    call = null
    closing?.close(show, graceful)
  }

  function prepare(): void {
    if (!host.disposed() && !call) prewarm.prepare()
  }

  return {
    current: () => call,
    attempt: () => attempt.signal,
    retry: nextAttempt,

    async begin(role, steps, replacing) {
      const takesOver = !!replacing && replacing === call
      if (host.disposed() || (!takesOver && !canStartCall(host.state()))) {
        if (!host.disposed()) update({ error: createP2PError('ERR_ALREADY_IN_CALL') })
        return
      }
      const signal = nextAttempt()
      close()
      host.onReset(role)
      // Candidates are gathered while the camera starts, not after it.
      prepare()
      update({
        role,
        step: 'idle',
        localSignal: '',
        remoteStream: null,
        candidateCounts: null,
        endedBy: null,
        error: null,
      })
      try {
        await steps(signal)
      } catch (cause) {
        if (signal.aborted) return
        attempt.abort()
        prewarm.drop()
        close()
        host.onReset('failed')
        early = []
        const error = stepErrorOf(cause, 'ERR_SIGNALING')
        update({ step: 'idle', localSignal: '', remoteStream: null, gathering: false, error })
      }
    },

    open(inBand) {
      close()
      const config = host.config()
      const Ctor = globalThis.RTCPeerConnection
      if (typeof Ctor !== 'function') throw new StepError(createP2PError('ERR_WEBRTC_SUPPORT'))
      let pc: RTCPeerConnection
      try {
        pc = prewarm.take() ?? new Ctor(rtcConfiguration(config))
      } catch (cause) {
        throw new StepError(createP2PError('ERR_CONFIG', cause))
      }
      const opened = openCall({
        ...host,
        pc,
        inBand,
        reconnectAfterMs: config.reconnectAfterMs ?? 3000,
      })
      call = opened
      for (const candidate of early.splice(0)) void opened.negotiation.receiveCandidate(candidate)
      return opened
    },

    async media(source) {
      if (typeof source !== 'function') return source ?? null
      update({ step: 'acquiring-media' })
      return source()
    },

    end(endedBy) {
      attempt.abort()
      early = []
      // A hang-up while the camera starts: the connection made for the call goes too.
      prewarm.drop()
      close('closed', endedBy === 'local')
      host.onReset('ended')
      update({
        step: 'hung-up',
        localSignal: '',
        remoteStream: null,
        endedBy,
        error: null,
        gathering: false,
        candidateCounts: null,
      })
    },

    async addCandidates(list) {
      if (host.disposed()) return
      if (!call) {
        early.push(...list)
        return
      }
      for (const candidate of list) await call.negotiation.receiveCandidate(candidate)
    },

    prepare,
    optionsChanged: () => prewarm.optionsChanged(),

    dispose() {
      attempt.abort()
      early = []
      prewarm.drop()
      close('closed')
      host.onReset('ended')
    },
  }
}
