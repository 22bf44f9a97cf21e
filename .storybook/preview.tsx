import type { Preview } from '@storybook/react-vite'
import { StrictMode } from 'react'
import '../demo/demo.css'

// Stories render in StrictMode, so a double mount that leaks a connection or a camera shows early.
const preview: Preview = {
  decorators: [
    (Story) => (
      <StrictMode>
        <Story />
      </StrictMode>
    ),
  ],
  parameters: { layout: 'padded' },
  tags: ['autodocs'],
}
export default preview
