import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { Demo } from '../../demo/Demo'
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
    await waitFor(
      () =>
        expect(screen.getByRole('textbox', { name: 'Local signal' })).not.toHaveProperty(
          'value',
          '',
        ),
      {
        timeout: 10_000,
      },
    )
    expect(await violations()).toEqual([])

    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'zh-CN' },
    })
    expect(screen.getByRole('combobox', { name: '语言' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '创建 Offer' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '完成连接' })).toBeTruthy()
    expect(await violations()).toEqual([])
  })

  it('announces phase changes politely, and not every ICE tick', async () => {
    render(<Demo search="?stun=" />)
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
    await waitFor(
      () =>
        expect(screen.getByRole('textbox', { name: 'Local signal' })).not.toHaveProperty(
          'value',
          '',
        ),
      {
        timeout: 10_000,
      },
    )
    // Tab reaches the signal boxes and the Copy button.
    const copy = screen.getByRole('button', { name: 'Copy' })
    copy.focus()
    expect(document.activeElement).toBe(copy)
    expect(getComputedStyle(copy).outlineStyle).not.toBe('')
  })
})
