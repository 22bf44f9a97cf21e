import { render, waitFor } from '@testing-library/react'
import { useEffect } from 'react'
import { describe, expect, it } from 'vitest'
import { createPeerSession, usePeerConnection, type PeerSession } from '../../src'
import { connectSessions, until } from './helpers'

describe('given the tab of one side closes', () => {
  it('tells the other side at once (pagehide), instead of waiting for ICE to time out', async () => {
    let a: PeerSession | null = null
    function Tab() {
      const { session } = usePeerConnection({ iceServers: [] })
      useEffect(() => {
        a = session
      }, [session])
      return null
    }
    render(<Tab />)
    await waitFor(() => expect(a).not.toBeNull())
    if (!a) throw new Error('the hook made no session')
    const b = createPeerSession({ iceServers: [] })
    try {
      await connectSessions(a, b)
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }))
      await until(b, (s) => s.phase === 'closed', 1_000)
      expect(b.getState().endedBy).toBe('remote')
    } finally {
      b.dispose()
    }
  })
})
