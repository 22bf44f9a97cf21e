// Captures other than the call's camera and microphone, each for its one use: what
// startScreenShare shares, and the camera the QR scanner reads from.

/**
 * A capture of the screen (a window, a tab or the whole screen, as the person picks), video only:
 * what `startScreenShare` shares when it is given no source. The media owner captures; the session
 * only sends.
 *
 * @example
 * await session.startScreenShare(captureScreen)
 */
export function captureScreen(): Promise<MediaStream> {
  return navigator.mediaDevices.getDisplayMedia({ video: true, audio: false })
}

/**
 * A camera for reading QR codes: the one facing away from the person where there is one (a
 * phone's back camera), video only. The QR scanner shows it and stops it.
 *
 * @example
 * <QrScanner openCamera={openScannerCamera} onScan={…} onClose={…} />
 */
export function openScannerCamera(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: { facingMode: { ideal: 'environment' } },
    audio: false,
  })
}
