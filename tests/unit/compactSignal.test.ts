import { compactSignalCases } from '../shared/compactSignalCases'

// Node's CompressionStream; the browser project runs the same cases in Chromium.
compactSignalCases()
