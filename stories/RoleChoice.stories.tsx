import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { RoleChoice } from '../src'

const meta = {
  title: 'Components/RoleChoice',
  component: RoleChoice,
  args: { value: 'caller', onValueChange: fn() },
} satisfies Meta<typeof RoleChoice>
export default meta
type Story = StoryObj<typeof meta>

export const Caller: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('radio', { name: 'Caller' })).toBeChecked()
    await userEvent.click(canvas.getByRole('radio', { name: 'Callee' }))
    await expect(args.onValueChange).toHaveBeenCalledWith('callee')
  },
}

export const DuringACall: Story = {
  args: { value: 'callee', disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('radio', { name: 'Caller' })).toBeDisabled()
  },
}
