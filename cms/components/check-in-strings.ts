/** What the door's camera scanner says, in the admin's two languages. */
export type UiLang = 'zh' | 'en'

const strings = {
  zh: {
    scan: '用摄像头扫码',
    stopScanning: '关闭摄像头',
    cameraView: '摄像头画面：把居民手机上的二维码对准这里',
    cameraRefused: '打不开摄像头：请允许本页使用摄像头，或直接输入确认码。',
  },
  en: {
    scan: 'Scan with the camera',
    stopScanning: 'Close the camera',
    cameraView: 'Camera view: hold the resident’s QR code here',
    cameraRefused: 'The camera could not be opened: allow this page to use it, or type the code.',
  },
} satisfies Record<UiLang, Record<string, string>>

export const text = (lang: UiLang) => strings[lang]
