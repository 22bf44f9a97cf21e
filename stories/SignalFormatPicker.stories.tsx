import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { SignalFormatPicker, type SignalFormat } from '../src'

function Controlled({ initial }: { initial: SignalFormat }) {
  const [format, setFormat] = useState(initial)
  return (
    <>
      <SignalFormatPicker value={format} onValueChange={setFormat} />
      <output>{format}</output>
    </>
  )
}

const meta = {
  title: 'Components/SignalFormatPicker',
  component: Controlled,
  args: { initial: 'compact' },
} satisfies Meta<typeof Controlled>
export default meta
type Story = StoryObj<typeof meta>

/** Compact (the default) and JSON, the tutorial's format; the choice reaches the app at once. */
export const Compact: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const select = canvas.getByRole('combobox', { name: 'Signal format' })
    await expect(select).toHaveValue('compact')
    await userEvent.selectOptions(select, 'JSON')
    await expect(canvas.getByText('json')).toBeVisible()
  },
}

export const Json: Story = { args: { initial: 'json' } }
