import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Demo } from './Demo'
import '../src/styles.css'
import './demo.css'

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Demo search={window.location.search} />
  </StrictMode>,
)
