import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { GatheringProgress } from '../src'

const meta = {
  title: 'Components/GatheringProgress',
  component: GatheringProgress,
  args: { gathering: true, counts: null },
} satisfies Meta<typeof GatheringProgress>
export default meta
type Story = StoryObj<typeof meta>

/** While the signal waits for candidates (at most the gathering budget). */
export const Gathering: Story = {
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('progressbar', { name: 'Gathering candidates' }),
    ).toBeVisible()
  },
}

/** Only host candidates: fine on one network; across networks a STUN/TURN server is needed. */
export const HostOnly: Story = {
  args: { gathering: false, counts: { host: 3, srflx: 0, prflx: 0, relay: 0 } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent(
      'Candidates in this signal: host 3, srflx 0, relay 0',
    )
  },
}

export const WithServerCandidates: Story = {
  args: { gathering: false, counts: { host: 2, srflx: 1, prflx: 0, relay: 1 } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent('host 2, srflx 1, relay 1')
  },
}
