/**
 * Reading a resident's QR code at the door. The site draws the QR of a sign-up's confirmation
 * code (src/components/SignupSummary.astro, with `qrcode`); this reads it back from a camera
 * frame with jsQR, a pure-JavaScript decoder, for browsers without the built-in BarcodeDetector
 * (Chromium on desktops, Firefox, Safari). Pure: it runs in the browser and in the tests alike.
 */
import jsQR from 'jsqr'

/** The text of the QR code in an RGBA image (a canvas's pixels), or undefined when none is readable. */
export function decodeQr(rgba: Uint8ClampedArray, width: number, height: number): string | undefined {
  // The site's codes are dark on light; skipping the inverted pass halves the work per frame.
  const found = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })
  return found?.data ? found.data : undefined
}

/**
 * What a scan hands to check-in: the code itself, or, when the QR holds the address of the
 * sign-up's page (`…/signups/K7M4QX`), the code at its end. Check-in cleans it as it cleans typing.
 */
export function codeFromScan(text: string): string {
  const trimmed = text.trim()
  const page = /\/signups\/([0-9A-Za-z-]+)\/?(?:[?#].*)?$/.exec(trimmed)
  return page?.[1] ?? trimmed
}
