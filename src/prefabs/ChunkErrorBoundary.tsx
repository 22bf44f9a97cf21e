import { Component, type ReactNode } from 'react'

/** Props of {@link ChunkErrorBoundary}. */
export interface ChunkErrorBoundaryProps {
  children: ReactNode
  /** Shown in place of the children when they failed to load or render. */
  fallback: ReactNode
  /** Called once with the error (e.g. to prepare a fresh lazy import for the next mount). */
  onError?: (error: unknown) => void
}

/**
 * Keeps a lazily loaded part (a chunk that may fail to load: offline, or replaced by a deploy) from
 * taking the whole call down with it: its failure shows `fallback` there, and the rest goes on.
 * It resets when it unmounts (e.g. Details closed and opened again).
 */
export class ChunkErrorBoundary extends Component<ChunkErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError?.(error)
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
