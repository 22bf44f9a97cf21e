import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { ConnectionStatePanel } from '../src'

const meta = {
  title: 'Components/ConnectionStatePanel',
  component: ConnectionStatePanel,
  args: {
    phase: 'idle',
    signalingState: 'stable',
    iceGatheringState: 'new',
    iceConnectionState: 'new',
    connectionState: 'new',
  },
  play: async ({ canvasElement, args }) => {
    const panel = within(canvasElement).getByRole('status', { name: 'Connection state' })
    await expect(panel).toHaveAttribute('data-state', args.phase)
    await expect(panel).toHaveTextContent(`signaling: ${args.signalingState}`)
    await expect(panel).toHaveTextContent(`gathering: ${args.iceGatheringState}`)
    await expect(panel).toHaveTextContent(`ice: ${args.iceConnectionState}`)
    await expect(panel).toHaveTextContent(`connection: ${args.connectionState}`)
  },
} satisfies Meta<typeof ConnectionStatePanel>
export default meta
type Story = StoryObj<typeof meta>

export const Idle: Story = {}
export const AwaitingAnswer: Story = {
  args: {
    phase: 'awaiting-answer',
    signalingState: 'have-local-offer',
    iceGatheringState: 'complete',
  },
}
export const Connecting: Story = {
  args: {
    phase: 'connecting',
    iceGatheringState: 'complete',
    iceConnectionState: 'checking',
    connectionState: 'connecting',
  },
}
export const Connected: Story = {
  args: {
    phase: 'connected',
    iceGatheringState: 'complete',
    iceConnectionState: 'connected',
    connectionState: 'connected',
  },
}
export const Reconnecting: Story = {
  args: {
    phase: 'reconnecting',
    iceGatheringState: 'complete',
    iceConnectionState: 'disconnected',
    connectionState: 'disconnected',
  },
}
export const Failed: Story = {
  args: {
    phase: 'failed',
    iceGatheringState: 'complete',
    iceConnectionState: 'failed',
    connectionState: 'failed',
  },
}
export const Closed: Story = {
  args: {
    phase: 'closed',
    signalingState: 'closed',
    iceGatheringState: 'complete',
    iceConnectionState: 'closed',
    connectionState: 'closed',
  },
}
