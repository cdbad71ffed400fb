'use client'
/**
 * "Scan with the camera" for the door check-in: opens the phone's back camera, reads QR codes
 * from its frames and hands each new code to `onCode`, which checks it in the same way as a
 * typed code. The browser's BarcodeDetector reads the frames where it exists (Android, macOS);
 * elsewhere the jsQR decoder (./qr-scan), loaded only when the camera opens. Typing stays.
 */
import { useEffect, useRef, useState } from 'react'

import { text, type UiLang } from './check-in-strings'

type Detector = { detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>> }
type DetectorClass = {
  new (options: { formats: string[] }): Detector
  getSupportedFormats(): Promise<string[]>
}

/** A frame every 150 ms: quick enough at a door, light enough for an old phone. */
const FRAME_INTERVAL_MS = 150
/** The same code seen again within this time is the same resident still holding up the phone. */
const SAME_CODE_PAUSE_MS = 4_000

/** The reader of frames: the built-in detector when it knows QR codes, else jsQR on a canvas. */
async function frameReader(): Promise<(video: HTMLVideoElement) => Promise<string | undefined>> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector
  const formats: string[] = Native ? await Native.getSupportedFormats().catch(() => []) : []
  if (Native && formats.includes('qr_code')) {
    const detector = new Native({ formats: ['qr_code'] })
    return async (video) => (await detector.detect(video))[0]?.rawValue
  }
  const { decodeQr } = await import('./qr-scan')
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d', { willReadFrequently: true })
  return async (video) => {
    if (!context || video.videoWidth === 0) return undefined
    // At most 640 px wide: enough for a code held at arm's length, and quick to decode.
    const scale = Math.min(1, 640 / video.videoWidth)
    canvas.width = Math.round(video.videoWidth * scale)
    canvas.height = Math.round(video.videoHeight * scale)
    context.drawImage(video, 0, 0, canvas.width, canvas.height)
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height)
    return decodeQr(data, width, height)
  }
}

export function QrScanner({ lang, onCode }: { lang: UiLang; onCode: (code: string) => Promise<void> }) {
  const t = text(lang)
  const video = useRef<HTMLVideoElement>(null)
  const stream = useRef<MediaStream | null>(null)
  const [available, setAvailable] = useState(false)
  const [scanning, setScanning] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  // Known only in the browser (and only on HTTPS or localhost): decided after hydration.
  useEffect(() => setAvailable(Boolean(navigator.mediaDevices?.getUserMedia)), [])

  useEffect(() => {
    if (!scanning) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let last = { code: '', at: 0 }
    async function run() {
      try {
        stream.current = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment', width: { ideal: 1280 } },
          audio: false,
        })
      } catch {
        setProblem(t.cameraRefused)
        setScanning(false)
        return
      }
      if (stopped || !video.current) return
      video.current.srcObject = stream.current
      await video.current.play().catch(() => {})
      const read = await frameReader()
      const tick = async () => {
        if (stopped || !video.current) return
        const code = await read(video.current).catch(() => undefined)
        const now = Date.now()
        if (code && (code !== last.code || now - last.at > SAME_CODE_PAUSE_MS)) {
          last = { code, at: now }
          await onCode(code)
          last.at = Date.now()
        }
        if (!stopped) timer = setTimeout(tick, FRAME_INTERVAL_MS)
      }
      void tick()
    }
    void run()
    return () => {
      stopped = true
      clearTimeout(timer)
      stream.current?.getTracks().forEach((track) => track.stop())
      stream.current = null
    }
    // Only `scanning` opens and closes the camera: `onCode` and the strings do not change while it is open.
  }, [scanning])

  if (!available) return null
  return (
    <div className="mulin-scan">
      <button
        type="button"
        className="btn btn--style-secondary"
        aria-pressed={scanning}
        onClick={() => {
          setProblem(null)
          setScanning(!scanning)
        }}
      >
        {scanning ? t.stopScanning : t.scan}
      </button>
      {scanning && (
        <video ref={video} muted playsInline aria-label={t.cameraView} className="mulin-scan__video" />
      )}
      {problem && <p className="mulin-scan__problem">{problem}</p>}
      <style>{`
        .mulin-scan { display: grid; gap: 0.75rem; max-width: 28rem; margin-top: 0.75rem; }
        .mulin-scan button { min-height: 3.5rem; font-size: 1.3rem; margin: 0; }
        .mulin-scan__video { width: 100%; border-radius: 8px; background: #111; aspect-ratio: 4 / 3; object-fit: cover; }
        .mulin-scan__problem { font-size: 1.1rem; color: #8a1410; margin: 0; }
      `}</style>
    </div>
  )
}
