import { createP2PError, type P2PError, type P2PErrorCode } from '../errors.js'

/** A step of a call failed (thrown inside the core, shown as the session's `error`). */
export class StepError extends Error {
  constructor(readonly p2p: P2PError) {
    super(p2p.message)
  }
}

/** `cause` as the error a failed step shows: its own, or `fallback` with `cause` under it. */
export function stepErrorOf(cause: unknown, fallback: P2PErrorCode): P2PError {
  return cause instanceof StepError ? cause.p2p : createP2PError(fallback, cause)
}
