import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { Demo } from '../../demo/Demo'
import { callUi, waitForSignal } from './helpers'
import '../../src/styles.css'
import '../../demo/demo.css'

async function violations() {
  const result = await axe.run(document.body, { resultTypes: ['violations'] })
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

describe('given the demo page', () => {
  it('has no axe violations, in English and in Chinese, idle and with an offer', async () => {
    render(<Demo search="?stun=" />)
    expect(await violations()).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }))
    await waitForSignal(callUi(screen.getByRole('region', { name: 'Video call' })))
    expect(await violations()).toEqual([])

    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'zh-CN' },
    })
    expect(screen.getByRole('combobox', { name: '语言' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '复制' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '完成连接' })).toBeTruthy()
    expect(await violations()).toEqual([])
  })

  it('announces phase changes politely, and not every ICE tick', async () => {
    render(<Demo search="?stun=" />)
    fireEvent.click(screen.getByRole('button', { name: 'Details' }))
    const panel = screen.getByRole('status', { name: 'Connection state' })
    expect(panel.getAttribute('aria-live')).toBe('off')
    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }))
    await waitFor(
      () =>
        expect(
          document.querySelector('[aria-live="polite"].rpc-visually-hidden')?.textContent,
        ).toBe('Call: offer ready, waiting for the answer'),
      { timeout: 10_000 },
    )
  })

  it('is operable by keyboard alone', async () => {
    render(<Demo search="?stun=" />)
    const createOffer = screen.getByRole('button', { name: 'Create offer' })
    createOffer.focus()
    expect(document.activeElement).toBe(createOffer)
    await userEvent.keyboard('{Enter}')
    await waitForSignal(callUi(screen.getByRole('region', { name: 'Video call' })))
    // Real Tabs move on from Copy through Copy link and Show QR code to Remote signal, which shows
    // the focus ring of styles.css.
    screen.getByRole('button', { name: 'Copy' }).focus()
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy link' }))
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show QR code' }))
    await userEvent.keyboard('{Tab}')
    const remote = screen.getByRole('textbox', { name: 'Remote signal' })
    expect(document.activeElement).toBe(remote)
    expect(remote.matches(':focus-visible')).toBe(true)
    expect(getComputedStyle(remote).outlineStyle).toBe('solid')
    expect(getComputedStyle(remote).outlineWidth).toBe('3px')
  })
})
