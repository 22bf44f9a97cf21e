import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createPeerSession, VideoCall } from '../../src'

/** An answer made by two real connections that have nothing to do with the page under test. */
async function foreignAnswer(): Promise<string> {
  const a = createPeerSession({ iceServers: [] })
  const b = createPeerSession({ iceServers: [] })
  await a.createOffer()
  await b.createAnswer(a.getState().localSignal)
  const answer = b.getState().localSignal
  a.dispose()
  b.dispose()
  return answer
}

describe('given labels and error texts in another language', () => {
  it('renders them, reports errors through onError, and refuses an answer where an offer belongs', async () => {
    const onError = vi.fn()
    render(
      <VideoCall
        iceServers={[]}
        defaultRole="callee"
        onError={onError}
        labels={{
          createAnswer: 'Crear respuesta',
          remoteSignal: 'Señal remota',
          callee: 'Receptor',
        }}
        errorText={{
          ERR_SIGNAL_NOT_OFFER: {
            message: 'Esto es una respuesta; aquí hace falta una oferta.',
            hint: 'Pega la oferta de quien llama.',
          },
        }}
      />,
    )
    expect(screen.getByRole('radio', { name: 'Receptor' })).toHaveProperty('checked', true)
    fireEvent.change(screen.getByRole('textbox', { name: 'Señal remota' }), {
      target: { value: await foreignAnswer() },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Crear respuesta' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('aquí hace falta una oferta')
    expect(alert.getAttribute('data-code')).toBe('ERR_SIGNAL_NOT_OFFER')
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'ERR_SIGNAL_NOT_OFFER' })
    // Untranslated keys keep the English default.
    expect(screen.getByRole('button', { name: 'Start camera' })).toBeTruthy()
  })
})
