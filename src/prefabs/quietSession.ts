import type { PeerSession, PeerSessionState } from '../core/peerSession.js'

/**
 * A view of a session that a layout reads from, and that can stand still for a moment: while it
 * is held, its snapshot stays the one it had when held and its subscribers hear nothing. At the
 * release they hear once and read the session as it is, every change of the meantime in one
 * render. Only the view stands still: the session, and everything else subscribed to it, see each
 * change as it happens.
 */
export interface QuietSession {
  /** The session to read and to call: its own methods, with the snapshot and subscription above. */
  readonly view: PeerSession
  /**
   * Holds the view as it is now, for at most `maxMs`. A change that leaves the path of a call that
   * is coming up (an error; a phase other than `connecting` or `connected`; another step or
   * remote stream) releases it at once.
   */
  hold(maxMs: number): void
  /**
   * Holds the view at the first change of the session that `shouldHold(before, now)` accepts, as
   * it was before that change (then as {@link hold}, `maxMs` from that change). The callee's
   * layout arms it for `connected`: the call shows with the other person's picture, and nothing
   * renders while the browser starts sending its own. Until {@link release}.
   */
  holdAt(shouldHold: HoldTest, maxMs: number): void
  /**
   * Lets the view show the session as it is (once; a release while not held does nothing), and
   * forgets a {@link holdAt}.
   */
  release(): void
  /** Whether the view is held now. */
  isHeld(): boolean
}

/** Whether the change from `before` to `now` is the one to hold the view at. */
export type HoldTest = (before: PeerSessionState, now: PeerSessionState) => boolean

/** Whether `now` is still the call that `held` was coming up to: the view may stay still. */
export function staysQuiet(held: PeerSessionState, now: PeerSessionState): boolean {
  return (
    now.error === null &&
    (now.phase === 'connecting' || now.phase === 'connected') &&
    now.step === held.step &&
    now.remoteStream === held.remoteStream
  )
}

/**
 * Wraps `session` in a view that can be held (see {@link QuietSession}). The layout of
 * `<VideoCall>` holds it from the moment it shows a copy-paste call until the other person's first
 * frame is on screen: the browser connects the call on a main thread that renders nothing.
 *
 * @example
 * const quiet = createQuietSession(session)
 * quiet.hold(1000) // the view keeps today's snapshot
 * quiet.release() // its subscribers hear once, and read the session as it is
 */
export function createQuietSession(session: PeerSession): QuietSession {
  let held: PeerSessionState | null = null
  // The session as of its last change (what subscribers heard unless held), and a hold armed for
  // a change still to come.
  let seen = session.getState()
  let armed: { shouldHold: HoldTest; maxMs: number } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const listeners = new Set<() => void>()
  let unsubscribe: (() => void) | null = null
  const notify = () => {
    for (const listener of [...listeners]) listener()
  }
  const holdAs = (state: PeerSessionState, maxMs: number) => {
    held = state
    timer = setTimeout(release, maxMs)
  }
  const release = () => {
    armed = null
    if (held === null) return
    clearTimeout(timer)
    const was = held
    held = null
    if (seen !== was) notify()
  }
  const onChange = () => {
    const before = seen
    const now = (seen = session.getState())
    if (held !== null) {
      if (!staysQuiet(held, now)) release()
    } else if (armed?.shouldHold(before, now) && staysQuiet(before, now)) {
      holdAs(before, armed.maxMs)
      armed = null
    } else notify()
  }
  // The session's own methods (closures over it: none reads `this`); only reading differs.
  const view: PeerSession = Object.create(session, {
    getState: { value: () => held ?? session.getState() },
    subscribe: {
      value(listener: () => void) {
        listeners.add(listener)
        if (!unsubscribe) {
          seen = session.getState()
          unsubscribe = session.subscribe(onChange)
        }
        return () => {
          listeners.delete(listener)
          if (listeners.size === 0 && unsubscribe) {
            unsubscribe()
            unsubscribe = null
          }
        }
      },
    },
  }) as PeerSession
  return {
    view,
    hold(maxMs) {
      if (held === null) holdAs(session.getState(), maxMs)
    },
    holdAt(shouldHold, maxMs) {
      if (held === null) armed = { shouldHold, maxMs }
    },
    release,
    isHeld: () => held !== null,
  }
}
